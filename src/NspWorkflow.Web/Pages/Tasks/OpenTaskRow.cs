using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Web.Cases;

namespace NspWorkflow.Web.Pages.Tasks;

/// <summary>An open task in a list: which case, which kind, since when, due when. Nothing about the person.</summary>
public sealed record OpenTaskRow(Guid Id, string CaseReference, string? FormKey, DateTimeOffset CreatedAt, DateTimeOffset? DueAt)
{
    public const int Shown = 500;

    /// <summary>The tasks of the query, oldest first, with their cases' references.</summary>
    public static async Task<IReadOnlyList<OpenTaskRow>> ListAsync(NspDbContext db, IQueryable<WorkflowTaskRow> tasks,
        CancellationToken cancellationToken)
    {
        var rows = await tasks.OrderBy(t => t.CreatedAt).Take(Shown).ToListAsync(cancellationToken);
        var references = await CaseReferences.ByBusinessKeyAsync(db, rows.Select(t => t.BusinessKey), cancellationToken);
        return [.. rows.Select(t => new OpenTaskRow(t.Id, references.GetValueOrDefault(t.BusinessKey!, "–"), t.FormKey, t.CreatedAt, t.DueAt))];
    }
}

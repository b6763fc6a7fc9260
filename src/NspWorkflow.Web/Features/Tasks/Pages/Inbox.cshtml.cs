using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>
/// /inbox: the coordinator's open tasks (the approvals waiting), oldest first, so the longest wait is on top; filtered by
/// kind, shelter and region (kept in the address, so a filtered inbox can be bookmarked and shared), with the count of
/// each kind waiting.
/// </summary>
[Authorize(Roles.Coordinator)]
public sealed class InboxModel(TaskQueries queries, NspDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Shelter { get; set; }

    [BindProperty(SupportsGet = true)]
    public Region? Region { get; set; }

    public IReadOnlyList<TaskListItem> Tasks { get; private set; } = [];

    /// <summary>Open tasks by form, whatever the filter.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    /// <summary>The shelters, by id, for the filter and the column.</summary>
    public IReadOnlyList<(Guid Id, string Name, Region Region)> Shelters { get; private set; } = [];

    public string ShelterName(string? organisationId) =>
        Guid.TryParse(organisationId, out var id) && Shelters.FirstOrDefault(s => s.Id == id) is { Name: { } name } ? name : "–";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Shelters = [.. (await db.Shelters.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.Region }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.Name, s.Region))];
        var organisations = Shelter is { } one ? [one.ToString()]
            : Region is { } region ? Shelters.Where(s => s.Region == region).Select(s => s.Id.ToString()).ToList()
            : null;
        Tasks = await queries.WaitingForAsync(Roles.Coordinator, new InboxFilter(string.IsNullOrEmpty(Kind) ? null : Kind, organisations),
            TaskQueries.Shown, cancellationToken);
        Counts = await queries.CountWaitingByFormAsync(Roles.Coordinator, cancellationToken);
    }
}

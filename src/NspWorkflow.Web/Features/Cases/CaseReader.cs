using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Cases.Api;

namespace NspWorkflow.Web.Cases;

/// <summary>
/// Reading one case, for the API and the case page alike: only for whoever may see it (null otherwise, as for an unknown
/// id), with its open tasks, and audited.
/// </summary>
public sealed class CaseReader(NspDbContext db, CaseWorkspace workspace, TariffSchedule tariffs)
{
    public async Task<CaseDetails?> ReadAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var found = await workspace.LoadAsync(id, cancellationToken);
        if (found is null || !CaseAccess.CanRead(user, found))
            return null;

        var key = id.ToString();
        var tasks = await db.WorkflowTasks.AsNoTracking().Where(t => t.BusinessKey == key && t.Status == WaitStatus.Open)
            .OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        workspace.Audit(CaseAccess.Actor(user), "case.read", found);
        await workspace.SaveAsync(cancellationToken);
        return CaseDetails.From(found, tariffs, [.. tasks.Select(t => TaskResponse.From(t, found.Reference))]);
    }
}

using System.Security.Claims;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Features.Cases.Api;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Features.Tasks.Api;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>
/// Reading one case, for the API and the case page alike: only for whoever may see it (null otherwise, as for an unknown
/// id), with its open tasks, and audited.
/// </summary>
public sealed class CaseReader(TaskQueries tasks, CaseWorkspace workspace, TariffSchedule tariffs)
{
    public async Task<CaseDetails?> ReadAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var found = await workspace.LoadAsync(id, cancellationToken);
        if (found is null || !CaseAccess.CanRead(user, found))
            return null;

        var open = await tasks.OpenOfAsync(CaseTaskSubjects.CaseKind, id.ToString(), cancellationToken);
        workspace.Audit(CaseAccess.Actor(user), "case.read", found);
        await workspace.SaveAsync(cancellationToken);
        return CaseDetails.From(found, tariffs, [.. open.Select(t => TaskResponse.From(t, found.Reference))]);
    }
}

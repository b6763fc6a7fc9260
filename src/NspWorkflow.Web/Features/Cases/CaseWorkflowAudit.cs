using System.Security.Claims;
using NspWorkflow.Web.Features.Workflows;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>The workflow administration's audit entries, in the case's trail when the instance serves a case.</summary>
public sealed class CaseWorkflowAudit(CaseWorkspace workspace) : IWorkflowAudit
{
    public async Task RecordAsync(ClaimsPrincipal user, string action, string? businessKeyKind, string? businessKey, string detail,
        CancellationToken cancellationToken)
    {
        var served = businessKeyKind == CaseTaskSubjects.CaseKind && Guid.TryParse(businessKey, out var caseId)
            ? await workspace.LoadAsync(caseId, cancellationToken)
            : null;
        workspace.Audit(CaseAccess.Actor(user), action, served, detail);
    }

    public Task SaveAsync(CancellationToken cancellationToken) => workspace.SaveAsync(cancellationToken);

    public void Discard() => workspace.Discard();
}

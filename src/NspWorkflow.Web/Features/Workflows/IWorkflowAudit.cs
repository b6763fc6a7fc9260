using System.Security.Claims;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>
/// The audit log as the workflow administration writes it: who acted on an instance, named with the subject the instance
/// serves (its business key), so that the subject's own trail shows it too. The feature that owns the subjects keeps the log.
/// </summary>
public interface IWorkflowAudit
{
    /// <summary>Adds an entry to the request's unit of work; it commits with the next step or <see cref="SaveAsync"/>.</summary>
    Task RecordAsync(ClaimsPrincipal user, string action, string? businessKeyKind, string? businessKey, string detail,
        CancellationToken cancellationToken);

    /// <summary>Stores the entries no step stored.</summary>
    Task SaveAsync(CancellationToken cancellationToken);

    /// <summary>Drops the unsaved entries, after a step that stored nothing.</summary>
    void Discard();
}

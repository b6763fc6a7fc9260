using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Cases;

namespace NspWorkflow.Web.Workflows;

/// <summary>
/// An administrator's retry of an instance's incidents, for the API and the incidents page alike: the engine's journal
/// and the audit log name who retried. The audit entry names the instance (and the case it serves), never the variables
/// sent as the fix.
/// </summary>
public sealed class IncidentRetry(WorkflowEngine engine, CaseWorkspace workspace, NspDbContext db)
{
    public const string AuditAction = "workflow.retry";

    public async Task<EngineResult> RetryAsync(Guid instanceId, IReadOnlyDictionary<string, object?>? variables, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var actor = CaseAccess.Actor(user);
        // The case the instance serves, when it serves one, so the case's audit trail shows the retry too.
        var businessKey = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => i.BusinessKey).SingleOrDefaultAsync(cancellationToken);
        var served = Guid.TryParse(businessKey, out var caseId) ? await workspace.LoadAsync(caseId, cancellationToken) : null;
        // Added first so that it commits with the retry's step; a refused retry stores nothing, the entry included.
        workspace.Audit(actor, AuditAction, served, instanceId.ToString());
        var result = await engine.RetryIncidentAsync(instanceId, variables, actor, cancellationToken);
        if (result.Outcome == EngineOutcome.Retried)
        {
            // A retry of failed timers only stores no step: the entry is written here (after a step, nothing is left).
            await workspace.SaveAsync(cancellationToken);
        }
        else
        {
            // Nothing was retried: the entry must not reach a later save of this unit of work (as TaskCompletion does).
            workspace.Discard();
        }

        return result;
    }
}

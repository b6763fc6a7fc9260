using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>
/// An administrator's retry of an instance's incidents, for the API and the incidents page alike: the engine's journal
/// and the audit log name who retried. The audit entry names the instance (and the subject it serves), never the
/// variables sent as the fix.
/// </summary>
public sealed class IncidentRetry(WorkflowEngine engine, IWorkflowAudit audit, NspDbContext db)
{
    public const string AuditAction = "workflow.retry";

    public async Task<EngineResult> RetryAsync(Guid instanceId, IReadOnlyDictionary<string, object?>? variables, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        // The subject the instance serves, when it serves one, so the subject's audit trail shows the retry too.
        var served = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new { i.BusinessKeyKind, i.BusinessKey }).SingleOrDefaultAsync(cancellationToken);
        // Added first so that it commits with the retry's step; a refused retry stores nothing, the entry included.
        await audit.RecordAsync(user, AuditAction, served?.BusinessKeyKind, served?.BusinessKey, instanceId.ToString(), cancellationToken);
        var result = await engine.RetryIncidentAsync(instanceId, variables, user.Actor(), cancellationToken);
        if (result.Outcome == EngineOutcome.Retried)
        {
            // A retry of failed timers only stores no step: the entry is written here (after a step, nothing is left).
            await audit.SaveAsync(cancellationToken);
        }
        else
        {
            // Nothing was retried: the entry must not reach a later save of this unit of work (as a refused task completion).
            audit.Discard();
        }

        return result;
    }
}

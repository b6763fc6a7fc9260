using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>What the last retry did, shown once after the redirect.</summary>
public enum RetryNotice
{
    Continued,
    StoppedAgain,
    NothingToRetry,
    Changed,
    Refused,
}

/// <summary>A retry as a page tells it: the notice, and the engine's reason when it was refused (null notice: no such instance).</summary>
public sealed record RetryAnswer(RetryNotice? Notice, string? RefusalReason);

/// <summary>
/// An administrator's retry of an instance's incidents, for the API and the incidents page alike: the engine's journal
/// and the audit log name who retried. The audit entry names the instance (and the subject it serves), never the
/// variables sent as the fix.
/// </summary>
public sealed class IncidentRetry(WorkflowEngine engine, IWorkflowAudit audit, NspDbContext db, WorkflowIncidentQueries incidents)
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

    /// <summary>
    /// A retry without new variables, for the incidents page and the instance view alike: whether the instance moved on or
    /// stopped again, or why nothing happened.
    /// </summary>
    public async Task<RetryAnswer> RetryForPageAsync(Guid instanceId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await RetryAsync(instanceId, null, user, cancellationToken);
        switch (result.Outcome)
        {
            case EngineOutcome.NotFound:
                return new(null, null);
            case EngineOutcome.Retried:
                var status = await incidents.StatusAsync(instanceId, cancellationToken);
                return new(status is { Status: InstanceStatus.Incident } or { OpenIncidents: > 0 } ? RetryNotice.StoppedAgain : RetryNotice.Continued, null);
            case EngineOutcome.NoIncident:
                return new(RetryNotice.NothingToRetry, null);
            case EngineOutcome.Conflict:
                return new(RetryNotice.Changed, null);
            default:
                // The engine's reason says what to fix (e.g. which called process has no published version).
                return new(RetryNotice.Refused, result.Message is { Length: > 0 } message ? message : null);
        }
    }
}

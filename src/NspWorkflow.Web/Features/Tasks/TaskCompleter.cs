using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Authentication;
using NspWorkflow.Web.Cases.Api;

namespace NspWorkflow.Web.Cases;

public enum TaskCompletionStatus
{
    Completed,
    /// <summary>No such task, or the caller may not see its case.</summary>
    NotFound,
    /// <summary>The caller sees the case but the task is for another role.</summary>
    Forbidden,
    /// <summary>Completed or cancelled already (also: another person completed it a moment earlier).</summary>
    AlreadyCompleted,
    /// <summary>
    /// Other steps of the same case (another task, a timer, a message) kept moving its workflow while this one was being
    /// stored, each time the engine tried. Nothing was stored and the task stays open: trying again will do.
    /// </summary>
    Conflict,
    /// <summary>The outcome or data break a rule; see the violations.</summary>
    Invalid,
    /// <summary>
    /// The workflow refused the step (e.g. it leads into a call of a process with no published version); see the reason.
    /// Nothing was stored and the task stays open; the engine records no incident, so an administrator must be told.
    /// </summary>
    Refused,
}

/// <summary>
/// What a completion did. <see cref="Reason"/> is the engine's explanation of a refusal: it names processes and elements,
/// never variable values (the engine's rule for its messages), so it may be shown and logged.
/// </summary>
public sealed record TaskCompletionResult(TaskCompletionStatus Status, IReadOnlyList<RuleViolation> Violations, string? Reason = null)
{
    public static TaskCompletionResult Of(TaskCompletionStatus status) => new(status, []);
}

/// <summary>
/// Completing a task, for the API and the task page alike: who may, which outcomes the form allows, the data it carries
/// applied to the case (the domain's rules), and the workflow step, all in one transaction. Of two completions of one
/// task the first wins and the other learns it was already completed.
/// </summary>
public sealed partial class TaskCompletion(NspDbContext db, CaseWorkspace workspace, WorkflowEngine engine, IInstanceStore instances,
    TariffSchedule tariffs, ILogger<TaskCompletion> logger)
{
    public async Task<TaskCompletionResult> CompleteAsync(Guid taskId, ClaimsPrincipal user, string? outcome, TaskData data,
        CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(taskId, user, cancellationToken) is not { } visible)
            return TaskCompletionResult.Of(TaskCompletionStatus.NotFound);
        var (task, found) = visible;
        var caseId = found.Id;
        if (!MayComplete(user, task, found.ShelterId))
            return TaskCompletionResult.Of(TaskCompletionStatus.Forbidden);
        if (task.Status != WaitStatus.Open)
            return TaskCompletionResult.Of(TaskCompletionStatus.AlreadyCompleted);

        if (outcome is null || !TaskForms.Outcomes(task.FormKey).Contains(outcome))
            return new(TaskCompletionStatus.Invalid, [new("outcome", outcome is null ? RuleViolationCode.Required : RuleViolationCode.Invalid)]);

        var violations = new List<RuleViolation>();
        var pointInterventionId = task.FormKey == "point-intervention-review"
            ? await PointInterventionOfAsync(task.InstanceId, cancellationToken)
            : null;
        var change = TaskForms.Prepare(task.FormKey!, outcome, data, pointInterventionId, tariffs, violations);
        if (violations.Count > 0)
            return new(TaskCompletionStatus.Invalid, violations);
        if (change is not null)
        {
            try
            {
                workspace.Change(caseId, change);
            }
            catch (RuleViolationException e)
            {
                // The task was read before its case: if someone completed it in between, the case has moved on and its
                // rules refuse this change, but what the user needs to hear is that the task is already done.
                if (await IsCompletedMeanwhileAsync(taskId, cancellationToken))
                {
                    workspace.Discard();
                    return TaskCompletionResult.Of(TaskCompletionStatus.AlreadyCompleted);
                }

                return new(TaskCompletionStatus.Invalid, [.. e.Violations.Select(v => v with { Field = DataField(v.Field) })]);
            }
        }

        var actor = CaseAccess.Actor(user);
        workspace.Audit(actor, "task.complete", found, $"{task.FormKey}:{outcome}");
        var result = await engine.CompleteTaskAsync(taskId, outcome, null, actor, cancellationToken);
        if (result.Outcome == EngineOutcome.Completed)
            return TaskCompletionResult.Of(TaskCompletionStatus.Completed);

        // The step stored nothing; the case change and audit entry above must not reach a later save of this unit of work.
        workspace.Discard();
        switch (result.Outcome)
        {
            case EngineOutcome.NotFound:
                return TaskCompletionResult.Of(TaskCompletionStatus.NotFound);
            case EngineOutcome.Refused:
                // The engine records no incident for a refused step: the log is where operators find it.
                LogRefused(taskId, task.FormKey, result.Message);
                return new(TaskCompletionStatus.Refused, [], result.Message);
            case EngineOutcome.AlreadyCompleted:
                return TaskCompletionResult.Of(TaskCompletionStatus.AlreadyCompleted);
            case EngineOutcome.Conflict:
                // The task is still open: telling the user it was completed would leave it undone.
                return TaskCompletionResult.Of(TaskCompletionStatus.Conflict);
            default:
                throw new UnreachableException($"A task completion cannot end as {result.Outcome}.");
        }
    }

    private Task<bool> IsCompletedMeanwhileAsync(Guid taskId, CancellationToken cancellationToken) =>
        db.WorkflowTasks.AsNoTracking().AnyAsync(t => t.Id == taskId && t.Status != WaitStatus.Open, cancellationToken);

    [LoggerMessage(LogLevel.Warning, "The workflow refused the completion of task {TaskId} ({FormKey}); nothing was stored: {Reason}")]
    private partial void LogRefused(Guid taskId, string? formKey, string? reason);

    /// <summary>
    /// The task and its case (loaded into the request's workspace) when the caller may see the case; null otherwise,
    /// exactly as for a task that does not exist.
    /// </summary>
    public async Task<(WorkflowTaskRow Task, Case Case)?> FindVisibleAsync(Guid taskId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var task = await db.WorkflowTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || !Guid.TryParse(task.BusinessKey, out var caseId))
            return null;
        var found = await workspace.LoadAsync(caseId, cancellationToken);
        return found is not null && CaseAccess.CanRead(user, found) ? (task, found) : null;
    }

    /// <summary>A coordinator's task by the coordinator, a shelter's task by a user of that shelter.</summary>
    public static bool MayComplete(ClaimsPrincipal user, WorkflowTaskRow task, Guid shelterId) => task.AssigneeRole switch
    {
        Roles.Coordinator => user.IsInRole(Roles.Coordinator),
        Roles.Shelter => CaseAccess.IsShelterOf(user, shelterId),
        _ => false,
    };

    private async Task<Guid?> PointInterventionOfAsync(Guid instanceId, CancellationToken cancellationToken) =>
        await instances.LoadAsync(instanceId, cancellationToken) is { } state
        && state.Variables.TryGetValue(CaseVariables.PointIntervention, out var value)
        && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)
            ? id
            : null;

    /// <summary>The domain names the case's field; the request carries it under <c>data</c> (outcome and status stay themselves).</summary>
    private static string DataField(string field) => field switch
    {
        "outcome" or "status" => field,
        _ when field.StartsWith("data.", StringComparison.Ordinal) => field,
        _ => $"data.{field}",
    };
}

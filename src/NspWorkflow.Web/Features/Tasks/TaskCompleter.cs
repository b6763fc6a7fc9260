using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Domain;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Tasks;

/// <summary>A task the user may see, with its form (null: a form this app does not have) and its subject.</summary>
public sealed record VisibleTask(WorkflowTaskRow Task, ITaskForm? Form, TaskSubject Subject, ITaskSubjects Subjects)
{
    /// <summary>A coordinator's task by the coordinator, a shelter's task by a user of the subject's shelter.</summary>
    public bool MayComplete(ClaimsPrincipal user) => Task.AssigneeRole switch
    {
        Roles.Coordinator => user.IsInRole(Roles.Coordinator),
        Roles.Shelter => Subject.ShelterId is { } shelterId && user.IsShelterOf(shelterId),
        _ => false,
    };
}

/// <summary>
/// Completing a task, for the API and the task page alike: who may, which outcomes the form allows, the data it carries
/// applied to the task's subject (the subject's rules), and the workflow step, all in one transaction. Of two completions
/// of one task the first wins and the other learns it was already completed.
/// </summary>
public sealed partial class TaskCompleter(NspDbContext db, TaskFormRegistry forms, TaskSubjectKinds subjects, WorkflowEngine engine,
    IInstanceStore instances, ILogger<TaskCompleter> logger)
{
    /// <summary>
    /// Completes the task with <paramref name="outcome"/> and the data <paramref name="readData"/> gives in the task's
    /// form (the API reads its JSON, the page its input).
    /// </summary>
    public async Task<TaskCompletionResult> CompleteAsync(Guid taskId, ClaimsPrincipal user, string? outcome,
        Func<ITaskForm, List<RuleViolation>, object> readData, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(taskId, user, cancellationToken) is not { } visible)
            return TaskCompletionResult.Of(TaskCompletionStatus.NotFound);
        var (task, form, subject, owner) = visible;
        if (!visible.MayComplete(user))
            return TaskCompletionResult.Of(TaskCompletionStatus.Forbidden);
        if (task.Status != WaitStatus.Open)
            return TaskCompletionResult.Of(TaskCompletionStatus.AlreadyCompleted);

        if (outcome is null || form is null || !form.Outcomes.Contains(outcome))
            return new(TaskCompletionStatus.Invalid, [new("outcome", outcome is null ? RuleViolationCode.Required : RuleViolationCode.Invalid)]);

        var violations = new List<RuleViolation>();
        var data = readData(form, violations);
        if (violations.Count > 0)
            return new(TaskCompletionStatus.Invalid, violations);
        var context = new TaskFormContext(outcome, data, ct => VariablesAsync(task.InstanceId, ct), subject.ShelterId, user.Actor(), subject.Item,
            (action, detail) => owner.Audit(user, action, subject, detail));
        var change = await form.PrepareAsync(context, violations, cancellationToken);
        if (violations.Count > 0)
            return new(TaskCompletionStatus.Invalid, [.. violations.Select(v => v with { Field = DataField(v.Field) })]);
        if (change is not null)
        {
            try
            {
                owner.Change(subject, change);
            }
            catch (RuleViolationException e)
            {
                // The task was read before its subject: if someone completed it in between, the subject has moved on and its
                // rules refuse this change, but what the user needs to hear is that the task is already done.
                if (await IsCompletedMeanwhileAsync(taskId, cancellationToken))
                {
                    owner.Discard();
                    return TaskCompletionResult.Of(TaskCompletionStatus.AlreadyCompleted);
                }

                return new(TaskCompletionStatus.Invalid, [.. e.Violations.Select(v => v with { Field = DataField(v.Field) })]);
            }
        }

        owner.Audit(user, "task.complete", subject, $"{task.FormKey}:{outcome}");
        var result = await engine.CompleteTaskAsync(taskId, outcome, null, user.Actor(), cancellationToken);
        if (result.Outcome == EngineOutcome.Completed)
            return TaskCompletionResult.Of(TaskCompletionStatus.Completed);

        // The step stored nothing; the subject's change and audit entry above must not reach a later save of this unit of work.
        owner.Discard();
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

    /// <summary>
    /// The task, its form and its subject (loaded into the request's unit of work) when the caller may see the subject;
    /// null otherwise, exactly as for a task that does not exist.
    /// </summary>
    public async Task<VisibleTask?> FindVisibleAsync(Guid taskId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var task = await db.WorkflowTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task?.BusinessKey is not { } key || subjects.Find(task.BusinessKeyKind) is not { } owner)
            return null;
        return await owner.FindVisibleAsync(key, user, cancellationToken) is { } subject
            ? new VisibleTask(task, forms.Find(task.FormKey), subject, owner)
            : null;
    }

    private Task<bool> IsCompletedMeanwhileAsync(Guid taskId, CancellationToken cancellationToken) =>
        db.WorkflowTasks.AsNoTracking().AnyAsync(t => t.Id == taskId && t.Status != WaitStatus.Open, cancellationToken);

    private async Task<IReadOnlyDictionary<string, JsonElement>> VariablesAsync(Guid instanceId, CancellationToken cancellationToken) =>
        await instances.LoadAsync(instanceId, cancellationToken) is { } state
            ? state.Variables
            : new Dictionary<string, JsonElement>();

    [LoggerMessage(LogLevel.Warning, "The workflow refused the completion of task {TaskId} ({FormKey}); nothing was stored: {Reason}")]
    private partial void LogRefused(Guid taskId, string? formKey, string? reason);

    /// <summary>The subject's rules name its field; the request carries it under <c>data</c> (outcome and status stay themselves).</summary>
    private static string DataField(string field) => field switch
    {
        // The case's own facts, not the form's data: the choice, the case's status, the shelter's certification.
        "outcome" or "status" or "certification" => field,
        _ when field.StartsWith("data.", StringComparison.Ordinal) => field,
        _ => $"data.{field}",
    };
}

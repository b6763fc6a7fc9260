using System.Collections.Frozen;
using System.Text.Json;
using NspWorkflow.Engine.Expressions;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Runtime;

/// <summary>
/// Executes a validated <see cref="ProcessDefinition"/> with BPMN token semantics, run-to-wait: a start or a resume
/// advances synchronously until every token waits or the instance ends, and returns everything the host must store in
/// one transaction. Pure: it never stores anything and keeps no state between calls, so one runner serves all instances.
/// </summary>
/// <remarks>
/// The definition passed to a resume must be the version the instance started on (<see cref="InstanceState.DefinitionVersion"/>).
/// <see cref="StepResult.NewState"/> is the truth for open waits: every task, timer, subscription and child the state no
/// longer lists is gone. Effects announce what the host must act on: creations and cancellations. The one wait a call
/// consumed (the task completed, the timer fired, the message delivered, the child completed) is not announced again.
/// </remarks>
public sealed class WorkflowRunner
{
    /// <summary>Elements one step may run without any token waiting, against loops without a wait state.</summary>
    public const int MaxElementsPerStep = 10_000;

    private readonly TimeProvider time;
    private readonly IIdGenerator ids;
    private readonly ExpressionEvaluator evaluator;
    private readonly FrozenDictionary<string, IServiceTaskHandler> handlers;

    public WorkflowRunner(TimeProvider time, IIdGenerator ids, IEnumerable<IServiceTaskHandler>? handlers = null, ExpressionEvaluator? evaluator = null)
    {
        this.time = time;
        this.ids = ids;
        this.evaluator = evaluator ?? new ExpressionEvaluator();
        this.handlers = (handlers ?? []).ToFrozenDictionary(h => h.Name, StringComparer.Ordinal);
    }

    /// <summary>Starts an instance at the process's start event with <paramref name="variables"/>.</summary>
    public StepResult Start(ProcessDefinition definition, IReadOnlyDictionary<string, object?>? variables, StartOptions options)
    {
        var start = definition.StartOf();
        var empty = new InstanceState(options.InstanceId ?? ids.NewId(), definition.Id, options.DefinitionVersion, options.ParentInstanceId,
            InstanceStatus.Running, 0, Variables.Empty, [], [], [], [], [], []);
        if (start is null)
        {
            return StepResult.Fail(empty, StepErrorKind.WrongDefinition, $"The process '{definition.Id}' has no start event.");
        }

        if (Variables.Merge(Variables.Empty, variables, out var error) is not { } merged)
        {
            return StepResult.Fail(empty, StepErrorKind.InvalidVariables, error!);
        }

        var run = NewExecution(definition, empty with { Variables = merged });
        run.Enqueue(ids.NewId(), start.Id, null);
        return run.Finish();
    }

    /// <summary>
    /// Completes user task <paramref name="taskId"/>. The data keys become variables, then variable <c>outcome</c> is set
    /// to <paramref name="outcome"/> (when not null), so a following gateway can test <c>outcome === 'approved'</c>.
    /// </summary>
    public StepResult CompleteTask(ProcessDefinition definition, InstanceState state, Guid taskId, string? outcome,
        IReadOnlyDictionary<string, object?>? data, string? completedBy)
    {
        if (CheckDefinition(definition, state) is { } wrong)
        {
            return wrong;
        }

        var task = state.Tasks.FirstOrDefault(t => t.TaskId == taskId);
        if (task is null)
        {
            return StepResult.Fail(state, StepErrorKind.TaskNotActive, "The task is no longer open: it was completed or cancelled.");
        }

        var values = (data ?? new Dictionary<string, object?>()).Where(kv => kv.Key != "outcome").ToList();
        if (outcome is not null)
        {
            values.Add(new("outcome", outcome));
        }

        if (Variables.Merge(state.Variables, values, out var error) is not { } merged)
        {
            return StepResult.Fail(state, StepErrorKind.InvalidVariables, error!);
        }

        var run = NewExecution(definition, state with { Variables = merged });
        run.CompleteTask(task, outcome, completedBy);
        return run.Finish();
    }

    /// <summary>Fires timer <paramref name="timerId"/>; the host calls it once its clock has reached the due time.</summary>
    public StepResult FireTimer(ProcessDefinition definition, InstanceState state, Guid timerId)
    {
        if (CheckDefinition(definition, state) is { } wrong)
        {
            return wrong;
        }

        var timer = state.Timers.FirstOrDefault(t => t.TimerId == timerId);
        if (timer is null || state.FindToken(timer.TokenId) is null)
        {
            return StepResult.Fail(state, StepErrorKind.TimerNotActive, "The timer is no longer active: its activity or gateway was left.");
        }

        var now = time.GetUtcNow();
        if (now < timer.DueAt)
        {
            return StepResult.Fail(state, StepErrorKind.TimerNotDue, $"The timer is due at {timer.DueAt:O}, it is now {now:O}.");
        }

        var run = NewExecution(definition, state);
        run.FireTimer(timer);
        return run.Finish();
    }

    /// <summary>
    /// Delivers message <paramref name="messageName"/> to the first subscription (in subscription order) with that name and
    /// exactly that correlation key (null matches only subscriptions of messages without <c>nsp:correlationKey</c>).
    /// <paramref name="data"/> becomes variables.
    /// </summary>
    public StepResult DeliverMessage(ProcessDefinition definition, InstanceState state, string messageName, string? correlationKey,
        IReadOnlyDictionary<string, object?>? data)
    {
        if (CheckDefinition(definition, state) is { } wrong)
        {
            return wrong;
        }

        var wait = state.Messages.FirstOrDefault(m => m.MessageName == messageName && string.Equals(m.CorrelationKey, correlationKey, StringComparison.Ordinal));
        if (wait is null)
        {
            return StepResult.Fail(state, StepErrorKind.NoSuchWait, $"The instance does not wait for message '{messageName}' with key '{correlationKey}'.");
        }

        if (Variables.Merge(state.Variables, data, out var error) is not { } merged)
        {
            return StepResult.Fail(state, StepErrorKind.InvalidVariables, error!);
        }

        var run = NewExecution(definition, state with { Variables = merged });
        run.DeliverMessage(wait);
        return run.Finish();
    }

    /// <summary>
    /// Resumes the call activity that waits for <paramref name="childInstanceId"/>, which completed or terminated: copies
    /// the call activity's <c>nsp:outputs</c> from <paramref name="childVariables"/> (a missing source gives null). A child
    /// that ended by an error end event passes its <paramref name="errorCode"/>: the call activity is left by the boundary
    /// event that catches it (no outputs are copied), or stops with an incident when none does.
    /// </summary>
    public StepResult CompleteChild(ProcessDefinition definition, InstanceState state, Guid childInstanceId,
        IReadOnlyDictionary<string, JsonElement> childVariables, string? errorCode = null)
    {
        if (CheckDefinition(definition, state) is { } wrong)
        {
            return wrong;
        }

        var child = state.Children.FirstOrDefault(c => c.ChildInstanceId == childInstanceId);
        if (child is null)
        {
            return StepResult.Fail(state, StepErrorKind.NoSuchWait, "The instance does not wait for that child instance.");
        }

        var run = NewExecution(definition, state);
        run.CompleteChild(child, childVariables, errorCode);
        return run.Finish();
    }

    /// <summary>
    /// Runs again every element where a token stopped with an incident, after merging <paramref name="variables"/>
    /// (the fix, e.g. a corrected value a condition reads). The journal names <paramref name="retriedBy"/> at each element.
    /// </summary>
    public StepResult RetryIncident(ProcessDefinition definition, InstanceState state, IReadOnlyDictionary<string, object?>? variables = null,
        string? retriedBy = null)
    {
        if (CheckDefinition(definition, state) is { } wrong)
        {
            return wrong;
        }

        if (state.Incidents.IsEmpty)
        {
            return StepResult.Fail(state, StepErrorKind.NoIncident, "The instance has no incident.");
        }

        if (Variables.Merge(state.Variables, variables, out var error) is not { } merged)
        {
            return StepResult.Fail(state, StepErrorKind.InvalidVariables, error!);
        }

        var run = NewExecution(definition, state with { Variables = merged });
        run.RetryIncidents(retriedBy);
        return run.Finish();
    }

    private static StepResult? CheckDefinition(ProcessDefinition definition, InstanceState state) =>
        definition.Id == state.ProcessId ? null
        : StepResult.Fail(state, StepErrorKind.WrongDefinition, $"The instance runs process '{state.ProcessId}', not '{definition.Id}'.");

    private Execution NewExecution(ProcessDefinition definition, InstanceState state) =>
        new(definition, state, time.GetUtcNow(), time, ids, evaluator, handlers);
}

using System.Text.Json;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Store;

/// <summary>
/// The host-facing engine: loads an instance, runs one step with <see cref="WorkflowRunner"/>, and stores the step
/// through <see cref="IInstanceStore.SaveStepAsync"/> in one transaction, with a child a call activity starts and a
/// parent a finished child resumes. Of two steps racing on one instance the store lets one win; the loser reloads and
/// re-checks once (a second completion of a task then learns it is already completed). One per unit of work (scoped):
/// service-task handlers run inside the step and their changes commit with it, as do the rows the host's
/// <see cref="IStepEffectHandler"/>s add for the step's effects (outbox mail).
/// </summary>
public sealed partial class WorkflowEngine(
    IInstanceStore store,
    IDefinitionStore definitions,
    ProcessDefinitionCache cache,
    WorkflowRunner runner,
    TimeProvider time,
    WorkflowEngineOptions options,
    IEnumerable<IStepEffectHandler> effectHandlers)
{
    private readonly IStepEffectHandler[] handlers = [.. effectHandlers];

    /// <summary>The refusal of variables sent with a retry of an instance whose only incidents are failed timers.</summary>
    public const string TimerOnlyVariables =
        "Variables can only be fixed for an element incident; this instance's incidents are failed timers.";

    private const int Attempts = 2;

    /// <summary>Starts an instance on the latest published version of <paramref name="processId"/>.</summary>
    public async Task<EngineResult> StartAsync(string processId, IReadOnlyDictionary<string, object?>? variables,
        CancellationToken cancellationToken = default)
    {
        var version = await definitions.GetLatestPublishedAsync(processId, cancellationToken);
        if (version is null)
        {
            return EngineResult.NotFound("The process has no published version.");
        }

        return await StoreStartAsync(cache.Get(version), version.Version, variables, occurrence: null, cancellationToken);
    }

    /// <summary>
    /// Runs a new instance of <paramref name="definition"/> to its first waits and stores it with everything it moves
    /// (children it calls, messages it throws). A scheduled start claims its <paramref name="occurrence"/> in the same
    /// commit. Started, Refused (nothing stored), or Conflict when the store refused the commit.
    /// </summary>
    private async Task<EngineResult> StoreStartAsync(ProcessDefinition definition, int version, IReadOnlyDictionary<string, object?>? variables,
        DateTimeOffset? occurrence, CancellationToken cancellationToken)
    {
        var result = runner.Start(definition, variables, new StartOptions(ProcessDefinitionCache.VersionKey(version)));
        if (result.Error is { } error)
        {
            return new EngineResult(EngineOutcome.Refused, null, error.Message);
        }

        var instanceId = result.NewState.InstanceId;
        var step = new PendingStep(time.GetUtcNow(), options);
        step.Add(null, result);
        if (occurrence is { } at)
        {
            step.Decorate(instanceId, (change, _) => change with { ScheduledOccurrence = at });
        }

        if (await CascadeAsync(step, cancellationToken) is { } refusal)
        {
            return new EngineResult(EngineOutcome.Refused, null, refusal);
        }

        return await SaveAsync(step, cancellationToken) == SaveOutcome.Saved
            ? new EngineResult(EngineOutcome.Started, instanceId)
            : new EngineResult(EngineOutcome.Conflict, instanceId, "The new instance could not be stored.");
    }

    /// <summary>
    /// Completes an open task: <paramref name="data"/> and <paramref name="outcome"/> become variables (see
    /// <see cref="WorkflowRunner.CompleteTask"/>), the task row records who completed it with what.
    /// </summary>
    public async Task<EngineResult> CompleteTaskAsync(Guid taskId, string? outcome, IReadOnlyDictionary<string, object?>? data,
        string? completedBy, CancellationToken cancellationToken = default)
    {
        // The task and its instance in one read: the first attempt needs no second round trip.
        var found = await store.LoadTaskAsync(taskId, cancellationToken);
        if (found is null)
        {
            return EngineResult.NotFound("There is no such task.");
        }

        var task = found.Task;
        if (task.Status != WaitStatus.Open)
        {
            return AlreadyCompleted(task.InstanceId);
        }

        return await ResumeAsync(task.InstanceId, found.Instance, EngineOutcome.Completed,
            (definition, state) => runner.CompleteTask(definition, state, taskId, outcome, data, completedBy),
            error => error.Kind == StepErrorKind.TaskNotActive ? AlreadyCompleted(task.InstanceId) : null,
            (change, at) => change with
            {
                CompletedTask = new TaskCompletion(taskId, completedBy, outcome,
                    data is null ? null : JsonSerializer.Serialize(data, Variables.JsonOptions), at),
            },
            cancellationToken);
    }

    /// <summary>Delivers a message to the first instance waiting for its name and correlation key.</summary>
    public async Task<EngineResult> DeliverMessageAsync(string name, string? correlationKey, IReadOnlyDictionary<string, object?>? data,
        CancellationToken cancellationToken = default)
    {
        // Rows can be a moment behind a concurrent step: an instance that no longer waits is skipped for the next.
        foreach (var instanceId in await store.FindMessageWaitersAsync(name, correlationKey, 10, cancellationToken))
        {
            var result = await ResumeAsync(instanceId, null, EngineOutcome.Delivered,
                (definition, state) => runner.DeliverMessage(definition, state, name, correlationKey, data),
                error => error.Kind == StepErrorKind.NoSuchWait ? new EngineResult(EngineOutcome.NotFound) : null,
                (change, _) => change, cancellationToken);
            if (result.Outcome != EngineOutcome.NotFound)
            {
                return result;
            }
        }

        return EngineResult.NotFound("No instance waits for that message and key.");
    }

    /// <summary>Fires a due timer row. A timer whose activity was left meanwhile is cancelled, which is not an error.</summary>
    public async Task<EngineResult> FireTimerAsync(Guid timerId, CancellationToken cancellationToken = default)
    {
        var timer = await store.FindTimerAsync(timerId, cancellationToken);
        if (timer is null)
        {
            return EngineResult.NotFound("There is no such timer.");
        }

        if (timer.Status != TimerStatus.Pending)
        {
            return new EngineResult(EngineOutcome.NotActive, timer.InstanceId);
        }

        var result = await ResumeAsync(timer.InstanceId, null, EngineOutcome.Fired,
            (definition, state) => runner.FireTimer(definition, state, timerId),
            error => error.Kind switch
            {
                StepErrorKind.TimerNotActive => new EngineResult(EngineOutcome.NotActive, timer.InstanceId),
                StepErrorKind.TimerNotDue => new EngineResult(EngineOutcome.NotDue, timer.InstanceId),
                _ => null,
            },
            (change, _) => change with { FiredTimerId = timerId }, cancellationToken);
        if (result.Outcome == EngineOutcome.NotActive || (result.Outcome == EngineOutcome.NotFound && result.InstanceId is null))
        {
            await store.CancelPendingTimerAsync(timerId, cancellationToken);
            return result with { Outcome = EngineOutcome.NotActive };
        }

        return result;
    }

    /// <summary>
    /// An administrator's retry: runs every failed element of the instance again (after merging <paramref name="variables"/>,
    /// the fix), and makes timers that gave up due again. The journal names <paramref name="retriedBy"/> at each element
    /// run again. A retry that cannot go on (the element leads into a call of an unpublished process) is refused and
    /// stores nothing, timers included. Variables need an element incident to fix: with only failed timers they are refused
    /// rather than silently dropped.
    /// </summary>
    public async Task<EngineResult> RetryIncidentAsync(Guid instanceId, IReadOnlyDictionary<string, object?>? variables,
        string? retriedBy, CancellationToken cancellationToken = default)
    {
        var state = await store.LoadAsync(instanceId, cancellationToken);
        if (state is null)
        {
            return EngineResult.NotFound("There is no such instance.");
        }

        if (state.Incidents.IsEmpty)
        {
            if (variables is { Count: > 0 } && await store.CountFailedTimersAsync(instanceId, cancellationToken) > 0)
            {
                return new EngineResult(EngineOutcome.Refused, instanceId, TimerOnlyVariables);
            }

            return await ResetTimersAsync(instanceId, new EngineResult(EngineOutcome.NoIncident, instanceId), cancellationToken);
        }

        var result = await ResumeAsync(instanceId, state, EngineOutcome.Retried,
            (definition, current) => runner.RetryIncident(definition, current, variables, retriedBy),
            error => error.Kind == StepErrorKind.NoIncident ? new EngineResult(EngineOutcome.NoIncident, instanceId) : null,
            (change, _) => change, cancellationToken);

        // Timers only after the element step stored (or had nothing left to do): a refused retry leaves everything as it was.
        return result.Outcome is EngineOutcome.Retried or EngineOutcome.NoIncident
            ? await ResetTimersAsync(instanceId, result, cancellationToken)
            : result;
    }

    private async Task<EngineResult> ResetTimersAsync(Guid instanceId, EngineResult result, CancellationToken cancellationToken) =>
        await store.ResetFailedTimersAsync(instanceId, time.GetUtcNow(), cancellationToken) > 0
            ? result with { Outcome = EngineOutcome.Retried }
            : result;

    /// <summary>
    /// The one write of a step: the host's handlers add their rows (outbox mail) to the same unit of work first, so they
    /// commit with the step; only a stored step is reported back to them.
    /// </summary>
    private async Task<SaveOutcome> SaveAsync(PendingStep step, CancellationToken cancellationToken)
    {
        var commit = step.ToCommit();
        foreach (var handler in handlers)
        {
            await handler.BeforeSaveAsync(commit, cancellationToken);
        }

        var outcome = await store.SaveStepAsync(commit, cancellationToken);
        if (outcome == SaveOutcome.Saved)
        {
            foreach (var handler in handlers)
            {
                handler.AfterSave(commit);
            }
        }

        return outcome;
    }

    private static EngineResult AlreadyCompleted(Guid instanceId) =>
        new(EngineOutcome.AlreadyCompleted, instanceId, "The task was already completed or cancelled.");

    /// <summary>
    /// Load, run, store; on a conflict once more from a fresh load, so the step re-checks what it relies on.
    /// <paramref name="loaded"/> is a snapshot the caller already read, used for the first attempt only.
    /// </summary>
    private async Task<EngineResult> ResumeAsync(Guid instanceId, InstanceState? loaded, EngineOutcome success,
        Func<ProcessDefinition, InstanceState, StepResult> run,
        Func<StepError, EngineResult?> expected,
        Func<InstanceChange, DateTimeOffset, InstanceChange> decorate,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var state = attempt == 1 && loaded is not null ? loaded : await store.LoadAsync(instanceId, cancellationToken);
            if (state is null)
            {
                return EngineResult.NotFound("There is no such instance.");
            }

            var result = run(await DefinitionOfAsync(state, cancellationToken), state);
            if (result.Error is { } error)
            {
                return expected(error) ?? new EngineResult(EngineOutcome.Refused, instanceId, error.Message);
            }

            var step = new PendingStep(time.GetUtcNow(), options);
            step.Add(state, result);
            step.Decorate(instanceId, decorate);
            if (await CascadeAsync(step, cancellationToken) is { } refusal)
            {
                return new EngineResult(EngineOutcome.Refused, instanceId, refusal);
            }

            if (await SaveAsync(step, cancellationToken) == SaveOutcome.Saved)
            {
                return new EngineResult(success, instanceId);
            }
        }

        return new EngineResult(EngineOutcome.Conflict, instanceId, "The instance kept changing; try again.");
    }

    /// <summary>
    /// Moves the instances a step affects in the same commit: a child a call activity requested is started, a finished
    /// child resumes its parent, a cancelled child is terminated, a thrown message resumes the instance waiting for it.
    /// Each may cause the next (a child that ends at once).
    /// Returns why the step cannot be stored (a called process that is not published or cannot start), else null: the
    /// caller then refuses the whole step, which stores nothing.
    /// </summary>
    private async Task<string?> CascadeAsync(PendingStep step, CancellationToken cancellationToken)
    {
        while (step.NextEffect() is var (owner, effect) && effect is not null)
        {
            switch (effect)
            {
                case ChildRequested child when step.Count >= options.MaxInstancesPerStep:
                    // Processes that call each other (or themselves) before anything waits start children, each within
                    // its own element limit, until PendingStep's instance limit throws: a refusal here, not a server error.
                    return $"The step would move more than {options.MaxInstancesPerStep} instances; '{child.CalledProcessId}' " +
                        "is called again and again before anything waits (a process that calls itself, directly or through another).";
                case ChildRequested child:
                    var version = await definitions.GetLatestPublishedAsync(child.CalledProcessId, cancellationToken);
                    if (version is null)
                    {
                        return $"The called process '{child.CalledProcessId}' has no published version.";
                    }

                    var started = runner.Start(cache.Get(version), child.Variables.ToDictionary(v => v.Key, v => (object?)v.Value),
                        new StartOptions(ProcessDefinitionCache.VersionKey(version.Version), child.ChildInstanceId, owner.InstanceId));
                    if (started.Error is { } error)
                    {
                        return $"The called process '{child.CalledProcessId}' could not start: {error.Message}";
                    }

                    step.Add(null, started);
                    break;
                case InstanceCompleted or InstanceTerminated when owner.ParentInstanceId is { } parentId:
                    var parent = step.Current(parentId) ?? await store.LoadAsync(parentId, cancellationToken);
                    if (parent is { IsActive: true })
                    {
                        var resumed = runner.CompleteChild(await DefinitionOfAsync(parent, cancellationToken), parent, owner.InstanceId, owner.Variables,
                            (effect as InstanceTerminated)?.ErrorCode);
                        // NoSuchWait: the parent stopped waiting (it was interrupted); nothing to resume.
                        if (resumed.Succeeded)
                        {
                            step.Add(step.Current(parentId) is null ? parent : null, resumed);
                        }
                    }

                    break;
                case MessageThrown thrown:
                    if (await DeliverThrownAsync(step, owner, thrown, cancellationToken) is { } refused)
                    {
                        return refused;
                    }

                    break;
                case ChildCancelled cancelled:
                    var target = step.Current(cancelled.ChildInstanceId) ?? await store.LoadAsync(cancelled.ChildInstanceId, cancellationToken);
                    if (target is { IsActive: true })
                    {
                        step.Add(step.Current(cancelled.ChildInstanceId) is null ? target : null, Termination.Of(target, step.At));
                    }

                    break;
            }
        }

        return null;
    }

    private Task<ProcessDefinition> DefinitionOfAsync(InstanceState state, CancellationToken cancellationToken) =>
        DefinitionOfAsync(state.ProcessId, ProcessDefinitionCache.ParseVersionKey(state.DefinitionVersion), cancellationToken);

    private async Task<ProcessDefinition> DefinitionOfAsync(string processId, int number, CancellationToken cancellationToken)
    {
        if (cache.TryGet(processId, number, out var cached))
        {
            return cached;
        }

        var version = await definitions.GetAsync(processId, number, cancellationToken)
            ?? throw new InvalidOperationException($"Version {number} of '{processId}' is missing.");
        return cache.Get(version);
    }
}

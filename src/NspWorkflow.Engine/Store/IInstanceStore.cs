using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Store;

/// <summary>
/// Where instances and their waits live. The host implements it on its database; <see cref="WorkflowEngine"/> holds
/// the rules. <see cref="SaveStepAsync"/> is the one write of a step and is atomic: every instance, row and journal line
/// of the commit, together with whatever else the host's unit of work holds (a service task handler's domain changes).
/// </summary>
public interface IInstanceStore
{
    /// <summary>The instance's snapshot (its <see cref="InstanceState.Sequence"/> is the stored one); null when unknown.</summary>
    Task<InstanceState?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>The task row, whatever its status; null when there is no such task.</summary>
    Task<TaskRef?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The task row with, when the task is open, its instance's snapshot (null when the task is not open or the instance
    /// is unknown); null when there is no such task. A store can answer both in one read; the default asks twice.
    /// </summary>
    async Task<TaskWithInstance?> LoadTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        var task = await FindTaskAsync(taskId, cancellationToken);
        return task is null ? null
            : new TaskWithInstance(task, task.Status == WaitStatus.Open ? await LoadAsync(task.InstanceId, cancellationToken) : null);
    }

    /// <summary>The timer row, whatever its status; null when there is no such timer.</summary>
    Task<TimerRef?> FindTimerAsync(Guid timerId, CancellationToken cancellationToken = default);

    /// <summary>Instances subscribed to message <paramref name="name"/> with exactly <paramref name="correlationKey"/>, oldest subscription first.</summary>
    Task<IReadOnlyList<Guid>> FindMessageWaitersAsync(string name, string? correlationKey, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a step in one transaction. Every instance with an <see cref="InstanceChange.ExpectedSequence"/> is updated
    /// only if its stored sequence still equals it; otherwise nothing at all is stored and the answer is
    /// <see cref="SaveOutcome.Conflict"/>. A new instance with an <see cref="InstanceChange.ScheduledOccurrence"/> claims
    /// that occurrence of its process's timer start event in the same transaction, once ever: when it is claimed already
    /// (another node started it), nothing is stored and the answer is <see cref="SaveOutcome.Conflict"/> as well.
    /// </summary>
    Task<SaveOutcome> SaveStepAsync(StepCommit commit, CancellationToken cancellationToken = default);

    /// <summary>A timer whose activity was left before it fired: Pending becomes Cancelled (a fired timer stays fired).</summary>
    Task CancelPendingTimerAsync(Guid timerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// An administrator's retry of timers that gave up: the instance's Failed timers become Pending and due now, and
    /// their incidents are resolved. Returns how many timers were reset.
    /// </summary>
    Task<int> ResetFailedTimersAsync(Guid instanceId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>How many of the instance's timers gave up (are Failed), without changing them.</summary>
    Task<int> CountFailedTimersAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// By process id, the latest timer-start occurrence an instance was started for (the claims
    /// <see cref="SaveStepAsync"/> stores); a process never started on schedule is missing. A store that keeps no such
    /// claims cannot run timer start events, so the default refuses rather than let every sweep start them again.
    /// </summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> LatestScheduledStartsAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This instance store keeps no scheduled starts, so it cannot run timer start events.");
}

public enum WaitStatus
{
    Open,
    Completed,
    Cancelled,
}

/// <summary>A task row: which instance it belongs to and whether it is still open.</summary>
public sealed record TaskRef(Guid TaskId, Guid InstanceId, string NodeId, WaitStatus Status);

/// <summary>A task row and, when it is open, the snapshot of its instance (see <see cref="IInstanceStore.LoadTaskAsync"/>).</summary>
public sealed record TaskWithInstance(TaskRef Task, InstanceState? Instance);

public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
    /// <summary>Gave up after the maximum number of attempts; the instance has an incident for it.</summary>
    Failed,
}

/// <summary>A timer row.</summary>
public sealed record TimerRef(Guid TimerId, Guid InstanceId, string NodeId, DateTimeOffset DueAt, TimerStatus Status);

/// <summary>What <see cref="IInstanceStore.SaveStepAsync"/> did.</summary>
public enum SaveOutcome
{
    Saved,
    /// <summary>An instance changed since it was loaded (another step won); nothing was stored.</summary>
    Conflict,
}

using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Testing.Workflows;

/// <summary>
/// An <see cref="IInstanceStore"/> that hands every call to the real one: a test's fault (a lost race, a stale save)
/// overrides only the calls it changes.
/// </summary>
public abstract class ForwardingInstanceStore(IInstanceStore inner) : IInstanceStore
{
    public virtual Task<InstanceState?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(instanceId, cancellationToken);

    public virtual Task<TaskRef?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        inner.FindTaskAsync(taskId, cancellationToken);

    public virtual Task<TaskWithInstance?> LoadTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        inner.LoadTaskAsync(taskId, cancellationToken);

    public virtual Task<TimerRef?> FindTimerAsync(Guid timerId, CancellationToken cancellationToken = default) =>
        inner.FindTimerAsync(timerId, cancellationToken);

    public virtual Task<IReadOnlyList<Guid>> FindMessageWaitersAsync(string name, string? correlationKey, int limit,
        CancellationToken cancellationToken = default) =>
        inner.FindMessageWaitersAsync(name, correlationKey, limit, cancellationToken);

    public virtual Task<SaveOutcome> SaveStepAsync(StepCommit commit, CancellationToken cancellationToken = default) =>
        inner.SaveStepAsync(commit, cancellationToken);

    public virtual Task CancelPendingTimerAsync(Guid timerId, CancellationToken cancellationToken = default) =>
        inner.CancelPendingTimerAsync(timerId, cancellationToken);

    public virtual Task<int> ResetFailedTimersAsync(Guid instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        inner.ResetFailedTimersAsync(instanceId, now, cancellationToken);

    public virtual Task<int> CountFailedTimersAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        inner.CountFailedTimersAsync(instanceId, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, DateTimeOffset>> LatestScheduledStartsAsync(CancellationToken cancellationToken = default) =>
        inner.LatestScheduledStartsAsync(cancellationToken);
}

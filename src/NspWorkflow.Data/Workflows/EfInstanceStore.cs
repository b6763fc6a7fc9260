using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// <see cref="IInstanceStore"/> on the product's scoped <see cref="NspDbContext"/>. A step is ONE
/// <c>SaveChanges</c>, so it is one transaction (or part of the caller's, when one is open) and includes whatever
/// else the context tracks: the domain changes of service-task handlers and outbox mail. The instance row's
/// <see cref="WorkflowInstanceRow.Sequence"/> is a concurrency token, so of two steps on one instance one wins.
/// A resume costs one read (<see cref="LoadTaskAsync"/>: the task and its instance) and the step's writes
/// (<see cref="StepWriter"/> updates rows by key without reading them).
/// </summary>
public sealed class EfInstanceStore(NspDbContext db, InstanceQueries queries) : IInstanceStore
{
    private readonly StepWriter writer = new(db);

    // True while the connection is open because this store opened it for a step (see KeepOpenAsync).
    private bool ownsConnection;

    public async Task<InstanceState?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await KeepOpenAsync(cancellationToken);
        return await queries.StateJson(db, instanceId, cancellationToken) is { } json ? InstanceStateJson.Deserialize(json) : null;
    }

    public Task<TaskRef?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        db.WorkflowTasks.AsNoTracking().Where(t => t.Id == taskId)
            .Select(t => new TaskRef(t.Id, t.InstanceId, t.NodeId, t.Status)).SingleOrDefaultAsync(cancellationToken);

    public async Task<TaskWithInstance?> LoadTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        await KeepOpenAsync(cancellationToken);
        var row = await queries.TaskWithState(db, taskId, cancellationToken);
        return row is null ? null
            : new TaskWithInstance(new TaskRef(row.Id, row.InstanceId, row.NodeId, row.Status),
                row.StateJson is null ? null : InstanceStateJson.Deserialize(row.StateJson));
    }

    public async Task<TimerRef?> FindTimerAsync(Guid timerId, CancellationToken cancellationToken = default)
    {
        // Tracked: firing it updates this row (its attempt count), so the step's write then needs no second read.
        var row = await db.WorkflowTimers.FindAsync([timerId], cancellationToken);
        return row is null ? null : new TimerRef(row.Id, row.InstanceId, row.NodeId, row.DueAt, row.Status);
    }

    public async Task<IReadOnlyList<Guid>> FindMessageWaitersAsync(string name, string? correlationKey, int limit,
        CancellationToken cancellationToken = default) =>
        await db.WorkflowMessageSubscriptions.AsNoTracking()
            .Where(s => s.Name == name && s.CorrelationKey == correlationKey)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => s.InstanceId)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<SaveOutcome> SaveStepAsync(StepCommit commit, CancellationToken cancellationToken = default)
    {
        try
        {
            foreach (var change in commit.Instances)
                await writer.ApplyAsync(change, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException exception) when (!MissingRow(exception))
        {
            // Another step moved an instance (or consumed a subscription) first. Nothing was stored; the engine reloads
            // and runs the step again, so everything tracked for this attempt (handlers' changes included) is dropped.
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }
        catch (DbUpdateConcurrencyException exception)
        {
            db.ChangeTracker.Clear();
            // Ids only: which row kind is missing says enough to look into it.
            throw new InvalidOperationException(
                $"The step was not stored: a {exception.Entries[0].Metadata.ClrType.Name} it updates does not exist.", exception);
        }
        catch
        {
            // Whatever failed (a constraint, the connection, cancellation), nothing was stored and nothing of the
            // attempt may stay tracked for the unit of work's next SaveChanges.
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (ownsConnection)
            {
                ownsConnection = false;
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    public Task CancelPendingTimerAsync(Guid timerId, CancellationToken cancellationToken = default) =>
        db.WorkflowTimers.Where(t => t.Id == timerId && t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Status, TimerStatus.Cancelled)
                .SetProperty(t => t.ClaimToken, (Guid?)null)
                .SetProperty(t => t.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);

    public async Task<int> ResetFailedTimersAsync(Guid instanceId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var timers = await db.WorkflowTimers.Where(t => t.InstanceId == instanceId && t.Status == TimerStatus.Failed).ToListAsync(cancellationToken);
        if (timers.Count == 0)
            return 0;
        var nodes = timers.Select(t => t.NodeId).ToHashSet(StringComparer.Ordinal);
        foreach (var timer in timers)
        {
            timer.Status = TimerStatus.Pending;
            timer.Attempts = 0;
            timer.NextAttemptAt = now;
            timer.ClaimToken = null;
            timer.ClaimedUntil = null;
        }

        var incidents = await db.WorkflowIncidents
            .Where(i => i.InstanceId == instanceId && i.TokenId == null && i.ResolvedAt == null).ToListAsync(cancellationToken);
        foreach (var incident in incidents.Where(i => nodes.Contains(i.ElementId)))
            incident.ResolvedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return timers.Count;
    }

    /// <summary>
    /// A step's read and its write share one connection: EF would otherwise open (and on SQLite set up) a pooled
    /// connection for each. Opened only if closed, so a caller's open connection or transaction is left as it is; the
    /// step's save closes it again, and an unsaved step's connection closes with the context.
    /// </summary>
    private async Task KeepOpenAsync(CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
            return;
        await db.Database.OpenConnectionAsync(cancellationToken);
        ownsConnection = true;
    }

    /// <summary>
    /// Task and timer rows are updated without a concurrency token, so one that updates nothing does not exist: the
    /// step refers to a row that was never stored, which a retry cannot fix. The instance row and subscriptions are
    /// what racing steps change, so those are conflicts.
    /// </summary>
    private static bool MissingRow(DbUpdateConcurrencyException exception) =>
        exception.Entries.Count > 0 && exception.Entries.All(e => e.Entity is WorkflowTaskRow or WorkflowTimerRow);
}

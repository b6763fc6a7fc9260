using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// <see cref="IInstanceStore"/> on the product's scoped <see cref="NspDbContext"/>. A step is one transaction (or a
/// savepoint in the caller's, when one is open) holding whatever else the context tracks (the domain changes of
/// service-task handlers, outbox mail) and the step's own rows, which <see cref="StepWriter"/> writes as one batch.
/// The instance UPDATE is conditioned on <see cref="WorkflowInstanceRow.Sequence"/>, so of two steps on one instance
/// one wins. A resume costs one read (<see cref="LoadTaskAsync"/>: the task and its instance) and one batch of writes;
/// on PostgreSQL a step that is alone in its unit of work sends that batch without BEGIN and COMMIT (see
/// <see cref="StepBatch.ExecuteAtomicallyAsync"/>).
/// </summary>
public sealed class EfInstanceStore(NspDbContext db, InstanceQueries queries, StepTables tables) : IInstanceStore
{
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
        var row = await db.WorkflowTimers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == timerId, cancellationToken);
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
            var batch = new StepBatch();
            var writer = new StepWriter(db, tables.For(db));
            foreach (var change in commit.Instances)
                await writer.AddAsync(batch, change, cancellationToken);

            var outcome = db.Database.CurrentTransaction is { } callers ? await WriteInSavepointAsync(batch, callers, cancellationToken)
                : tables.For(db).AtomicBatches && !db.ChangeTracker.HasChanges() ? await WriteAtomicallyAsync(batch, cancellationToken)
                : await WriteInTransactionAsync(batch, cancellationToken);
            if (outcome == SaveOutcome.Saved)
            {
                db.ChangeTracker.AcceptAllChanges();
            }
            else
            {
                // Another step moved an instance (or consumed a subscription) first. Nothing was kept; the engine reloads
                // and runs the step again, so everything tracked for this attempt (handlers' changes included) is dropped.
                db.ChangeTracker.Clear();
            }

            return outcome;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A handler's row (the case it changes) was changed by another step first: the same as a lost race.
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }
        catch (DbUpdateException) when (commit.Instances.Any(i => i.ScheduledOccurrence is not null))
        {
            // The claim's key refused a second start of the occurrence: another node started it first, nothing was stored.
            db.ChangeTracker.Clear();
            if (await ScheduledStartClaimedAsync(commit))
                return SaveOutcome.Conflict;
            throw;
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

    /// <summary>
    /// The step alone (nothing else tracked, no caller's transaction) as one batch in the database's implicit
    /// transaction: one round trip where BEGIN, batch and COMMIT take two. When one of its row checks refuses, nothing
    /// was stored, and the step runs again in a transaction of its own to learn which (a lost race or a missing row).
    /// </summary>
    private async Task<SaveOutcome> WriteAtomicallyAsync(StepBatch batch, CancellationToken cancellationToken)
    {
        // A start has read nothing yet: BeginTransaction would have opened the connection, here the store does.
        await KeepOpenAsync(cancellationToken);
        return await ExecuteAsync(batch, guarded: true, connection => batch.ExecuteAtomicallyAsync(connection, cancellationToken))
            ? SaveOutcome.Saved
            : await WriteInTransactionAsync(batch, cancellationToken);
    }

    /// <summary>The step in a transaction of its own: committed when stored, else rolled back as the transaction is disposed.</summary>
    private async Task<SaveOutcome> WriteInTransactionAsync(StepBatch batch, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await WriteAsync(batch, transaction, cancellationToken);
        if (outcome == SaveOutcome.Saved)
            await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>The step inside the caller's transaction, behind a savepoint, so a lost race or a failure takes back only the step.</summary>
    private async Task<SaveOutcome> WriteInSavepointAsync(StepBatch batch, IDbContextTransaction callers, CancellationToken cancellationToken)
    {
        const string savepoint = "workflow_step";
        await callers.CreateSavepointAsync(savepoint, cancellationToken);
        SaveOutcome outcome;
        try
        {
            outcome = await WriteAsync(batch, callers, cancellationToken);
        }
        catch
        {
            await callers.RollbackToSavepointAsync(savepoint, CancellationToken.None);
            throw;
        }

        if (outcome == SaveOutcome.Saved)
            await callers.ReleaseSavepointAsync(savepoint, cancellationToken);
        else
            await callers.RollbackToSavepointAsync(savepoint, cancellationToken);
        return outcome;
    }

    /// <summary>What the unit of work holds besides the step (handlers' domain changes, outbox mail) first, then the step's batch.</summary>
    private async Task<SaveOutcome> WriteAsync(StepBatch batch, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.HasChanges())
            await SaveTrackedAsync(cancellationToken);
        var dbTransaction = transaction.GetDbTransaction();
        return Outcome(await ExecuteAsync(batch, guarded: false, connection => batch.ExecuteAsync(connection, dbTransaction, cancellationToken)));
    }

    private static SaveOutcome Outcome(StepBatchResult stored)
    {
        if (stored.MissingRowType is { } missing)
        {
            // Ids only: which row kind is missing says enough to look into it.
            throw new InvalidOperationException($"The step was not stored: a {missing} it updates does not exist.");
        }

        return stored.Conflict ? SaveOutcome.Conflict : SaveOutcome.Saved;
    }

    /// <summary>The batch; a refusal by the database (a key, a constraint) is a <see cref="DbUpdateException"/>, as SaveChanges reports it.</summary>
    private async Task<T> ExecuteAsync<T>(StepBatch batch, bool guarded, Func<DbConnection, Task<T>> execute)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var stored = await execute(db.Database.GetDbConnection());
            var logger = tables.For(db).BatchLog;
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Executed DbBatch of the workflow step ({Elapsed:F1} ms, {Count} statements)\n{Sql}",
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, batch.Count, batch.Describe(guarded));
            }

            return stored;
        }
        catch (DbException exception)
        {
            throw new DbUpdateException("The database refused a row of the workflow step; nothing of the step was stored.", exception);
        }
    }

    /// <summary>The tracked changes, without EF's own savepoint: the step's transaction or savepoint already covers them.</summary>
    private async Task SaveTrackedAsync(CancellationToken cancellationToken)
    {
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
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

    public Task<int> CountFailedTimersAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        db.WorkflowTimers.CountAsync(t => t.InstanceId == instanceId && t.Status == TimerStatus.Failed, cancellationToken);

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LatestScheduledStartsAsync(CancellationToken cancellationToken = default)
    {
        var latest = await db.WorkflowScheduledStarts.AsNoTracking()
            .GroupBy(s => s.ProcessId)
            .Select(g => new { ProcessId = g.Key, At = g.Max(s => s.OccurrenceAt) })
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(s => s.ProcessId, s => s.At, StringComparer.Ordinal);
    }

    /// <summary>Whether each occurrence the commit claims is claimed now (read after the refused step was rolled back).</summary>
    private async Task<bool> ScheduledStartClaimedAsync(StepCommit commit)
    {
        foreach (var change in commit.Instances)
        {
            if (change.ScheduledOccurrence is not { } occurrence)
                continue;
            var processId = change.State.ProcessId;
            var at = occurrence.ToUniversalTime();
            if (!await db.WorkflowScheduledStarts.AsNoTracking().AnyAsync(s => s.ProcessId == processId && s.OccurrenceAt == at, CancellationToken.None))
                return false;
        }

        return true;
    }

    /// <summary>
    /// A step's read and its write share one connection: EF would otherwise open (and on SQLite set up) a pooled
    /// connection for each. Opened only if closed, so a caller's open connection or transaction is left as it is; the
    /// step's save closes it again, and an unsaved step's closes when the context is disposed or returned to its pool.
    /// </summary>
    private async Task KeepOpenAsync(CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
            return;
        await db.Database.OpenConnectionAsync(cancellationToken);
        ownsConnection = true;
    }
}

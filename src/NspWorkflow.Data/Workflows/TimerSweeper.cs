using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// Fires due timers. Each sweep claims one batch of due rows (by due time, never all pending ones) with a claim column,
/// taking the rows under a row lock where the database has one, so two app nodes sweeping at once never take one
/// timer; a crashed node's claim expires. Each claimed timer fires in a step (and transaction) of its own.
/// A claim is written and judged by the database's clock (<see cref="DatabaseClock"/>), so nodes whose clocks differ
/// agree on when it runs out; when a timer is due is business time, the app's <see cref="TimeProvider"/>. Should two
/// nodes fire one timer all the same, the step is still stored once: it updates the instance only at the
/// <c>Sequence</c> it loaded, and the loser reloads and finds the timer no longer waiting.
/// </summary>
public sealed class TimerSweeper(NspDbContext db, IServiceScopeFactory scopes, TimeProvider time, TimerSweepOptions options)
{
    /// <summary>Failed fires before the timer gives up and the instance gets an incident.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Claims up to <paramref name="batchSize"/> due timers and fires them.</summary>
    public async Task<TimerSweepResult> SweepAsync(int batchSize, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        // The lease is measured in real elapsed time from before the database's clock was read, never by the app's
        // clock (which tests move by days): the claim ends no earlier than ClaimLease after this.
        var claimed = TimeProvider.System.GetTimestamp();
        await ClaimAsync(token, time.GetUtcNow(), batchSize, cancellationToken);
        var batch = await db.WorkflowTimers.AsNoTracking()
            .Where(t => t.ClaimToken == token)
            .OrderBy(t => t.DueAt)
            .Select(t => new { t.Id, t.NodeId, t.InstanceId, t.Attempts })
            .ToListAsync(cancellationToken);

        int fired = 0, cancelled = 0, failed = 0;
        foreach (var timer in batch)
        {
            if (cancellationToken.IsCancellationRequested
                || TimeProvider.System.GetElapsedTime(claimed) >= options.ClaimLease - options.ClaimLease / 5)
            {
                // Give the rest back now rather than when the lease ends.
                await GiveBackAsync(token);
                break;
            }

            string? error;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().FireTimerAsync(timer.Id, cancellationToken);
                switch (result.Outcome)
                {
                    case EngineOutcome.Fired: fired++; continue;
                    case EngineOutcome.NotActive: cancelled++; continue;
                    case EngineOutcome.NotDue:
                        await Mine(token).Where(t => t.Id == timer.Id).ExecuteUpdateAsync(set => set
                            .SetProperty(t => t.ClaimToken, (Guid?)null)
                            .SetProperty(t => t.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
                        continue;
                    default:
                        error = $"{result.Outcome}: {result.Message}";
                        break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Cancelled in the middle of a step (the node shuts down): this timer and the rest go back now as well.
                await GiveBackAsync(token);
                throw;
            }
            catch (Exception exception)
            {
                // The type only: a database or handler message could quote data.
                error = $"The timer could not fire ({exception.GetType().Name}).";
            }

            await RecordFailureAsync(token, timer.Id, timer.InstanceId, timer.NodeId, timer.Attempts + 1, error);
            failed++;
        }

        return new TimerSweepResult(batch.Count, fired, cancelled, failed);
    }

    private async Task ClaimAsync(Guid token, DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var clock = await db.Database.UtcNowAsync(cancellationToken);
        var claimedUntil = clock + options.ClaimLease;
        var provider = db.Database.ProviderName ?? "";
        var locking = provider.Contains("Npgsql", StringComparison.Ordinal) || provider.Contains("SqlServer", StringComparison.Ordinal);
        await using var transaction = locking ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        List<Guid> candidates;
        if (provider.Contains("Npgsql", StringComparison.Ordinal))
        {
            // Rows another sweeper holds are skipped, not waited for: two nodes take disjoint batches.
            candidates = await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "WorkflowTimers"
                WHERE "Status" = 'Pending' AND "DueAt" <= {now} AND "NextAttemptAt" <= {now}
                  AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {clock})
                ORDER BY "DueAt" LIMIT {batchSize} FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
        }
        else if (provider.Contains("SqlServer", StringComparison.Ordinal))
        {
            candidates = await db.Database.SqlQuery<Guid>($"""
                SELECT TOP ({batchSize}) [Id] AS [Value] FROM [WorkflowTimers] WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE [Status] = N'Pending' AND [DueAt] <= {now} AND [NextAttemptAt] <= {now}
                  AND ([ClaimedUntil] IS NULL OR [ClaimedUntil] < {clock})
                ORDER BY [DueAt]
                """).ToListAsync(cancellationToken);
        }
        else
        {
            // SQLite has one writer at a time; the conditional update below is the claim.
            candidates = await Due(now, clock).OrderBy(t => t.DueAt).Select(t => t.Id).Take(batchSize).ToListAsync(cancellationToken);
        }

        if (candidates.Count > 0)
        {
            // The due-and-unclaimed condition again inside the one UPDATE, on every database: the claim column decides.
            await Due(now, clock).Where(t => candidates.Contains(t.Id))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.ClaimToken, token)
                    .SetProperty(t => t.ClaimedUntil, claimedUntil), cancellationToken);
        }

        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Due by business time (<paramref name="now"/>), unclaimed by the database's clock (<paramref name="clock"/>).</summary>
    private IQueryable<WorkflowTimerRow> Due(DateTimeOffset now, DateTimeOffset clock) =>
        db.WorkflowTimers.Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now && t.NextAttemptAt <= now
            && (t.ClaimedUntil == null || t.ClaimedUntil < clock));

    private IQueryable<WorkflowTimerRow> Mine(Guid token) => db.WorkflowTimers.Where(t => t.ClaimToken == token);

    private Task GiveBackAsync(Guid token) =>
        Mine(token).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.ClaimToken, (Guid?)null)
            .SetProperty(t => t.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);

    private async Task RecordFailureAsync(Guid token, Guid timerId, Guid instanceId, string nodeId, int attempts, string error)
    {
        var now = time.GetUtcNow();
        var gaveUp = attempts >= MaxAttempts;
        // The timer's new status and its incident together: a timer that gave up without one would be seen by nobody.
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var updated = await Mine(token).Where(t => t.Id == timerId).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.Status, gaveUp ? TimerStatus.Failed : TimerStatus.Pending)
            .SetProperty(t => t.Attempts, attempts)
            .SetProperty(t => t.LastError, error.Length > 2000 ? error[..2000] : error)
            .SetProperty(t => t.NextAttemptAt, gaveUp ? now : now + RetryBackoff.After(attempts))
            .SetProperty(t => t.ClaimToken, (Guid?)null)
            .SetProperty(t => t.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (updated == 1 && gaveUp)
        {
            db.WorkflowIncidents.Add(new WorkflowIncidentRow
            {
                Id = Guid.CreateVersion7(now), InstanceId = instanceId, ElementId = nodeId, At = now,
                Message = $"The timer at '{nodeId}' failed {attempts} times and gave up. Last error: {error}",
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }
}

/// <summary>How long a sweep's claim holds, by the database's clock.</summary>
public sealed record TimerSweepOptions
{
    /// <summary>Far longer than a batch normally takes; how long a crashed node's timers wait before another node fires them.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>What one sweep did: timers claimed, fired, found no longer active (cancelled), and failed (retried later or given up).</summary>
public sealed record TimerSweepResult(int Claimed, int Fired, int Cancelled, int Failed);

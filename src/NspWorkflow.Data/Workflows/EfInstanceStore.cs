using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// <see cref="IInstanceStore"/> on the product's scoped <see cref="NspDbContext"/>. A step is ONE
/// <c>SaveChanges</c>, so it is one transaction (or part of the caller's, when one is open) and includes whatever
/// else the context tracks: the domain changes of service-task handlers and outbox mail. The instance row's
/// <see cref="WorkflowInstanceRow.Sequence"/> is a concurrency token, so of two steps on one instance one wins.
/// </summary>
public sealed class EfInstanceStore(NspDbContext db) : IInstanceStore
{
    private const int MaxText = 2000;

    public async Task<InstanceState?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var json = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => i.StateJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : InstanceStateJson.Deserialize(json);
    }

    public Task<TaskRef?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        db.WorkflowTasks.AsNoTracking().Where(t => t.Id == taskId)
            .Select(t => new TaskRef(t.Id, t.InstanceId, t.NodeId, t.Status)).SingleOrDefaultAsync(cancellationToken);

    public Task<TimerRef?> FindTimerAsync(Guid timerId, CancellationToken cancellationToken = default) =>
        db.WorkflowTimers.AsNoTracking().Where(t => t.Id == timerId)
            .Select(t => new TimerRef(t.Id, t.InstanceId, t.NodeId, t.DueAt, t.Status)).SingleOrDefaultAsync(cancellationToken);

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
        foreach (var change in commit.Instances)
            await ApplyAsync(change, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another step moved an instance first. Nothing was stored; the engine reloads and runs the step again,
            // so everything tracked for this attempt (handlers' changes included) is dropped.
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
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

    private async Task ApplyAsync(InstanceChange change, CancellationToken cancellationToken)
    {
        var state = change.State;
        var id = state.InstanceId;
        await SaveInstanceAsync(change, cancellationToken);

        foreach (var effect in change.Effects)
        {
            switch (effect)
            {
                case TaskCreated task:
                    db.WorkflowTasks.Add(new WorkflowTaskRow
                    {
                        Id = task.TaskId, InstanceId = id, NodeId = task.NodeId, AssigneeRole = task.AssigneeRole,
                        OrganisationId = change.OrganisationId, BusinessKey = change.BusinessKey, FormKey = task.Form, MailTemplate = task.MailTemplate,
                        CreatedAt = change.At, DueAt = task.DueAt, Status = WaitStatus.Open,
                    });
                    break;
                case TaskCancelled cancelled when await db.WorkflowTasks.FindAsync([cancelled.TaskId], cancellationToken) is { } row:
                    row.Status = WaitStatus.Cancelled;
                    break;
                case TimerScheduled timer:
                    db.WorkflowTimers.Add(new WorkflowTimerRow
                    {
                        Id = timer.TimerId, InstanceId = id, NodeId = timer.NodeId, DueAt = timer.DueAt,
                        NextAttemptAt = timer.DueAt, Status = TimerStatus.Pending,
                    });
                    break;
                case TimerCancelled cancelled when await db.WorkflowTimers.FindAsync([cancelled.TimerId], cancellationToken) is { } row:
                    row.Status = TimerStatus.Cancelled;
                    row.ClaimToken = null;
                    row.ClaimedUntil = null;
                    break;
                case MessageSubscribed subscribed:
                    db.WorkflowMessageSubscriptions.Add(new MessageSubscriptionRow
                    {
                        Id = subscribed.SubscriptionId, InstanceId = id, Name = subscribed.MessageName,
                        CorrelationKey = subscribed.CorrelationKey, NodeId = subscribed.NodeId, CreatedAt = change.At,
                    });
                    break;
                case MessageUnsubscribed unsubscribed:
                    await RemoveSubscriptionAsync(unsubscribed.SubscriptionId, cancellationToken);
                    break;
                case IncidentRaised incident:
                    db.WorkflowIncidents.Add(new WorkflowIncidentRow
                    {
                        Id = Guid.CreateVersion7(change.At), InstanceId = id, TokenId = incident.TokenId,
                        ElementId = incident.ElementId, Message = Truncate(incident.Message)!, At = change.At,
                    });
                    break;
            }
        }

        if (change.CompletedTask is { } completion && await db.WorkflowTasks.FindAsync([completion.TaskId], cancellationToken) is { } completed)
        {
            completed.Status = WaitStatus.Completed;
            completed.CompletedBy = completion.CompletedBy;
            completed.Outcome = completion.Outcome;
            completed.DataJson = completion.DataJson;
            completed.CompletedAt = completion.At;
        }

        if (change.FiredTimerId is { } firedId && await db.WorkflowTimers.FindAsync([firedId], cancellationToken) is { } fired)
        {
            fired.Status = TimerStatus.Fired;
            fired.Attempts++;
            fired.ClaimToken = null;
            fired.ClaimedUntil = null;
        }

        foreach (var subscriptionId in change.ConsumedSubscriptionIds.IsDefault ? [] : change.ConsumedSubscriptionIds)
            await RemoveSubscriptionAsync(subscriptionId, cancellationToken);

        if (!change.ResolvedIncidents.IsDefaultOrEmpty)
        {
            var open = await db.WorkflowIncidents.Where(i => i.InstanceId == id && i.ResolvedAt == null).ToListAsync(cancellationToken);
            foreach (var row in open.Where(r => change.ResolvedIncidents.Any(i => i.TokenId == r.TokenId && i.ElementId == r.ElementId)))
                row.ResolvedAt = change.At;
        }

        db.WorkflowJournal.AddRange(change.Journal.Select(j => new WorkflowJournalRow
        {
            InstanceId = id, At = j.At, TokenId = j.TokenId, NodeId = j.NodeId, Kind = j.Kind,
            Detail = Truncate(j.Detail), Actor = j.Actor,
        }));
    }

    private async Task SaveInstanceAsync(InstanceChange change, CancellationToken cancellationToken)
    {
        var state = change.State;
        if (change.ExpectedSequence is not { } expected)
        {
            db.WorkflowInstances.Add(new WorkflowInstanceRow
            {
                Id = state.InstanceId, ProcessId = state.ProcessId, DefinitionVersion = ProcessDefinitionCache.ParseVersionKey(state.DefinitionVersion),
                Status = state.Status, StateJson = InstanceStateJson.Serialize(state), Sequence = state.Sequence,
                ParentInstanceId = state.ParentInstanceId, BusinessKey = change.BusinessKey, CreatedAt = change.At, UpdatedAt = change.At,
            });
            return;
        }

        var row = await db.WorkflowInstances.FindAsync([state.InstanceId], cancellationToken)
            ?? throw new InvalidOperationException("The instance row is missing.");
        // The UPDATE is conditioned on the sequence the step started from, not the one this context read just now.
        db.Entry(row).Property(r => r.Sequence).OriginalValue = expected;
        row.Sequence = state.Sequence;
        row.Status = state.Status;
        row.StateJson = InstanceStateJson.Serialize(state);
        row.UpdatedAt = change.At;
    }

    private async Task RemoveSubscriptionAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        if (await db.WorkflowMessageSubscriptions.FindAsync([subscriptionId], cancellationToken) is { } row)
            db.WorkflowMessageSubscriptions.Remove(row);
    }

    private static string? Truncate(string? text) => text is { Length: > MaxText } ? text[..MaxText] : text;
}

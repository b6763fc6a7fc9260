using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// Puts one instance's part of a step into the context, for the store's single <c>SaveChanges</c>. Rows the step only
/// updates or deletes (the instance, a completed or cancelled task, a cancelled timer, a removed subscription) are not
/// read first: a stub with the key is attached and only the changed columns are marked, so the step's one round trip of
/// writes is all it costs. The instance stub carries the expected sequence as its concurrency token, so the UPDATE still
/// applies only if no other step moved the instance; a stub whose row is missing updates nothing, which EF reports as a
/// concurrency failure (see <see cref="EfInstanceStore.SaveStepAsync"/>).
/// </summary>
internal sealed class StepWriter(NspDbContext db)
{
    private const int MaxText = 2000;

    public async Task ApplyAsync(InstanceChange change, CancellationToken cancellationToken)
    {
        var id = change.State.InstanceId;
        SaveInstance(change);

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
                case TaskCancelled cancelled:
                    Set(Stub(db.WorkflowTasks, cancelled.TaskId, key => new WorkflowTaskRow { Id = key }),
                        nameof(WorkflowTaskRow.Status), WaitStatus.Cancelled);
                    break;
                case TimerScheduled timer:
                    db.WorkflowTimers.Add(new WorkflowTimerRow
                    {
                        Id = timer.TimerId, InstanceId = id, NodeId = timer.NodeId, DueAt = timer.DueAt,
                        NextAttemptAt = timer.DueAt, Status = TimerStatus.Pending,
                    });
                    break;
                case TimerCancelled cancelled:
                    var timerRow = Stub(db.WorkflowTimers, cancelled.TimerId, key => new WorkflowTimerRow { Id = key });
                    Set(timerRow, nameof(WorkflowTimerRow.Status), TimerStatus.Cancelled);
                    ReleaseClaim(timerRow);
                    break;
                case MessageSubscribed subscribed:
                    db.WorkflowMessageSubscriptions.Add(new MessageSubscriptionRow
                    {
                        Id = subscribed.SubscriptionId, InstanceId = id, Name = subscribed.MessageName,
                        CorrelationKey = subscribed.CorrelationKey, NodeId = subscribed.NodeId, CreatedAt = change.At,
                    });
                    break;
                case MessageUnsubscribed unsubscribed:
                    RemoveSubscription(unsubscribed.SubscriptionId);
                    break;
                case IncidentRaised incident:
                    // A retry that fails again at the same element updates its open incident rather than adding a second.
                    var open = await db.WorkflowIncidents.SingleOrDefaultAsync(i => i.InstanceId == id && i.TokenId == incident.TokenId
                        && i.ElementId == incident.ElementId && i.ResolvedAt == null, cancellationToken);
                    if (open is not null)
                    {
                        open.Message = Truncate(incident.Message)!;
                        open.At = change.At;
                        break;
                    }

                    db.WorkflowIncidents.Add(new WorkflowIncidentRow
                    {
                        Id = Guid.CreateVersion7(change.At), InstanceId = id, TokenId = incident.TokenId,
                        ElementId = incident.ElementId, Message = Truncate(incident.Message)!, At = change.At,
                    });
                    break;
            }
        }

        if (change.CompletedTask is { } completion)
        {
            var task = Stub(db.WorkflowTasks, completion.TaskId, key => new WorkflowTaskRow { Id = key });
            Set(task, nameof(WorkflowTaskRow.Status), WaitStatus.Completed);
            Set(task, nameof(WorkflowTaskRow.CompletedBy), completion.CompletedBy);
            Set(task, nameof(WorkflowTaskRow.Outcome), completion.Outcome);
            Set(task, nameof(WorkflowTaskRow.DataJson), completion.DataJson);
            Set(task, nameof(WorkflowTaskRow.CompletedAt), (DateTimeOffset?)completion.At);
        }

        // The fired timer is read (its attempt count goes up); the store's FindTimerAsync usually tracked it already.
        if (change.FiredTimerId is { } firedId && await db.WorkflowTimers.FindAsync([firedId], cancellationToken) is { } fired)
        {
            fired.Status = TimerStatus.Fired;
            fired.Attempts++;
            fired.ClaimToken = null;
            fired.ClaimedUntil = null;
        }

        foreach (var subscriptionId in change.ConsumedSubscriptionIds.IsDefault ? [] : change.ConsumedSubscriptionIds)
            RemoveSubscription(subscriptionId);

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

    private void SaveInstance(InstanceChange change)
    {
        var state = change.State;
        var json = InstanceStateJson.Serialize(state);
        if (change.ExpectedSequence is not { } expected)
        {
            db.WorkflowInstances.Add(new WorkflowInstanceRow
            {
                Id = state.InstanceId, ProcessId = state.ProcessId, DefinitionVersion = ProcessDefinitionCache.ParseVersionKey(state.DefinitionVersion),
                Status = state.Status, StateJson = json, Sequence = state.Sequence,
                ParentInstanceId = state.ParentInstanceId, BusinessKey = change.BusinessKey, CreatedAt = change.At, UpdatedAt = change.At,
            });
            return;
        }

        var row = Stub(db.WorkflowInstances, state.InstanceId, key => new WorkflowInstanceRow { Id = key, Sequence = expected });
        // The UPDATE is conditioned on the sequence the step started from, even if this context read the row since.
        row.Property(nameof(WorkflowInstanceRow.Sequence)).OriginalValue = expected;
        Set(row, nameof(WorkflowInstanceRow.Sequence), state.Sequence);
        Set(row, nameof(WorkflowInstanceRow.Status), state.Status);
        Set(row, nameof(WorkflowInstanceRow.StateJson), json);
        Set(row, nameof(WorkflowInstanceRow.UpdatedAt), change.At);
    }

    private void RemoveSubscription(Guid subscriptionId)
    {
        var entry = db.WorkflowMessageSubscriptions.Local.FindEntry(subscriptionId);
        if (entry is { State: EntityState.Deleted })
            return;
        // Removing an entity added in this step only forgets it; a stub of a stored one becomes a DELETE by key.
        db.WorkflowMessageSubscriptions.Remove(entry?.Entity ?? new MessageSubscriptionRow { Id = subscriptionId });
    }

    private static void ReleaseClaim(EntityEntry<WorkflowTimerRow> timer)
    {
        Set(timer, nameof(WorkflowTimerRow.ClaimToken), (Guid?)null);
        Set(timer, nameof(WorkflowTimerRow.ClaimedUntil), (DateTimeOffset?)null);
    }

    /// <summary>The entry of the row with this key: the one this unit of work already tracks, else an attached stub.</summary>
    private static EntityEntry<T> Stub<T>(DbSet<T> set, Guid key, Func<Guid, T> create) where T : class =>
        set.Local.FindEntry(key) ?? set.Attach(create(key));

    /// <summary>Sets a column and marks it written, even when the value equals the stub's default (a stub's values are not the row's).</summary>
    private static void Set<T, TValue>(EntityEntry<T> entry, string property, TValue value) where T : class
    {
        var column = entry.Property(property);
        column.CurrentValue = value;
        if (entry.State is EntityState.Unchanged or EntityState.Modified)
            column.IsModified = true;
    }

    private static string? Truncate(string? text) => text is { Length: > MaxText } ? text[..MaxText] : text;
}

using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// Turns one instance's part of a step into statements of a <see cref="StepBatch"/>. Rows the step only updates or
/// deletes (the instance, a completed or cancelled task, a timer, a subscription) are changed by key without being
/// read, and the journal is one multi-row INSERT, so a step's writes are one round trip. The instance UPDATE is
/// conditioned on the sequence the step started from, so of two steps on one instance only one stores anything.
/// Written by hand rather than through the change tracker: the same dozen statements on every step, prepared once per
/// connection, cost a fraction of EF's per-save command building (see the README's benchmark figures).
/// </summary>
internal sealed class StepWriter(NspDbContext db, StepTables.Bound tables)
{
    private const int MaxText = 2000;

    // Rows per multi-row INSERT: SQL Server takes at most 2 100 parameters in one statement.
    private const int RowsPerInsert = 100;

    private static readonly string[] InstanceColumns =
    [
        nameof(WorkflowInstanceRow.Id), nameof(WorkflowInstanceRow.ProcessId), nameof(WorkflowInstanceRow.DefinitionVersion),
        nameof(WorkflowInstanceRow.Status), nameof(WorkflowInstanceRow.StateJson), nameof(WorkflowInstanceRow.Sequence),
        nameof(WorkflowInstanceRow.ParentInstanceId), nameof(WorkflowInstanceRow.BusinessKey),
        nameof(WorkflowInstanceRow.BusinessKeyKind), nameof(WorkflowInstanceRow.CreatedAt),
        nameof(WorkflowInstanceRow.UpdatedAt),
    ];

    private static readonly string[] TaskColumns =
    [
        nameof(WorkflowTaskRow.Id), nameof(WorkflowTaskRow.InstanceId), nameof(WorkflowTaskRow.NodeId), nameof(WorkflowTaskRow.AssigneeRole),
        nameof(WorkflowTaskRow.OrganisationId), nameof(WorkflowTaskRow.BusinessKey),
        nameof(WorkflowTaskRow.BusinessKeyKind), nameof(WorkflowTaskRow.FormKey),
        nameof(WorkflowTaskRow.MailTemplate), nameof(WorkflowTaskRow.CreatedAt), nameof(WorkflowTaskRow.DueAt), nameof(WorkflowTaskRow.Status),
    ];

    private static readonly string[] TimerColumns =
    [
        nameof(WorkflowTimerRow.Id), nameof(WorkflowTimerRow.InstanceId), nameof(WorkflowTimerRow.NodeId), nameof(WorkflowTimerRow.DueAt),
        nameof(WorkflowTimerRow.NextAttemptAt), nameof(WorkflowTimerRow.Status), nameof(WorkflowTimerRow.Attempts),
    ];

    private static readonly string[] SubscriptionColumns =
    [
        nameof(MessageSubscriptionRow.Id), nameof(MessageSubscriptionRow.InstanceId), nameof(MessageSubscriptionRow.Name),
        nameof(MessageSubscriptionRow.CorrelationKey), nameof(MessageSubscriptionRow.NodeId), nameof(MessageSubscriptionRow.CreatedAt),
    ];

    private static readonly string[] IncidentColumns =
    [
        nameof(WorkflowIncidentRow.Id), nameof(WorkflowIncidentRow.InstanceId), nameof(WorkflowIncidentRow.TokenId),
        nameof(WorkflowIncidentRow.ElementId), nameof(WorkflowIncidentRow.Message), nameof(WorkflowIncidentRow.At),
    ];

    private static readonly string[] JournalColumns =
    [
        nameof(WorkflowJournalRow.InstanceId), nameof(WorkflowJournalRow.At), nameof(WorkflowJournalRow.TokenId),
        nameof(WorkflowJournalRow.NodeId), nameof(WorkflowJournalRow.Kind), nameof(WorkflowJournalRow.Detail), nameof(WorkflowJournalRow.Actor),
    ];

    private static readonly string[] ScheduledStartColumns =
    [
        nameof(WorkflowScheduledStartRow.ProcessId), nameof(WorkflowScheduledStartRow.OccurrenceAt),
        nameof(WorkflowScheduledStartRow.DefinitionVersion), nameof(WorkflowScheduledStartRow.InstanceId),
        nameof(WorkflowScheduledStartRow.StartedAt),
    ];

    private static readonly string[] ById = [nameof(WorkflowTaskRow.Id)];

    // Subscriptions deleted by this step: one unsubscribed and consumed in the same step is deleted once.
    private readonly HashSet<Guid> deletedSubscriptions = [];

    public async Task AddAsync(StepBatch batch, InstanceChange change, CancellationToken cancellationToken)
    {
        var id = change.State.InstanceId;
        if (change.ScheduledOccurrence is { } occurrence)
        {
            // First, so a node that lost the race fails at its first statement: the key refuses a second claim.
            Insert(batch, tables.ScheduledStarts, ScheduledStartColumns, change.State.ProcessId, occurrence.ToUniversalTime(),
                ProcessDefinitionCache.ParseVersionKey(change.State.DefinitionVersion), id, change.At);
        }

        AddInstance(batch, change);

        foreach (var effect in change.Effects)
        {
            switch (effect)
            {
                case TaskCreated task:
                    Insert(batch, tables.Tasks, TaskColumns, task.TaskId, id, task.NodeId, task.AssigneeRole, change.OrganisationId,
                        change.BusinessKey, change.BusinessKeyKind, task.Form, task.MailTemplate, change.At, task.DueAt, WaitStatus.Open);
                    break;
                case TaskCancelled cancelled:
                    UpdateById(batch, tables.Tasks, StepRows.OneOrMissing, [nameof(WorkflowTaskRow.Status)], cancelled.TaskId, WaitStatus.Cancelled);
                    break;
                case TimerScheduled timer:
                    Insert(batch, tables.Timers, TimerColumns, timer.TimerId, id, timer.NodeId, timer.DueAt, timer.DueAt, TimerStatus.Pending, 0);
                    break;
                case TimerCancelled cancelled:
                    ResolveGivenUpTimer(batch, change, cancelled);
                    UpdateById(batch, tables.Timers, StepRows.OneOrMissing,
                        [nameof(WorkflowTimerRow.Status), nameof(WorkflowTimerRow.ClaimToken), nameof(WorkflowTimerRow.ClaimedUntil)],
                        cancelled.TimerId, TimerStatus.Cancelled, null, null);
                    break;
                case MessageSubscribed subscribed:
                    Insert(batch, tables.Subscriptions, SubscriptionColumns, subscribed.SubscriptionId, id, subscribed.MessageName,
                        subscribed.CorrelationKey, subscribed.NodeId, change.At);
                    break;
                case MessageUnsubscribed unsubscribed:
                    DeleteSubscription(batch, unsubscribed.SubscriptionId);
                    break;
                case IncidentRaised incident:
                    await AddIncidentAsync(batch, change, incident, cancellationToken);
                    break;
            }
        }

        if (change.CompletedTask is { } completion)
        {
            UpdateById(batch, tables.Tasks, StepRows.OneOrMissing,
                [nameof(WorkflowTaskRow.Status), nameof(WorkflowTaskRow.CompletedBy), nameof(WorkflowTaskRow.Outcome),
                    nameof(WorkflowTaskRow.DataJson), nameof(WorkflowTaskRow.CompletedAt)],
                completion.TaskId, WaitStatus.Completed, completion.CompletedBy, completion.Outcome, completion.DataJson, (DateTimeOffset?)completion.At);
        }

        if (change.FiredTimerId is { } firedId)
        {
            // The attempt count goes up in the database, so the row needs no read; a timer row that is gone changes nothing.
            var timers = tables.Timers;
            batch.Add(timers,
                timers.Fixed("FiredTimer", static timers =>
                    $"UPDATE {timers.Name} SET {timers.Assign(nameof(WorkflowTimerRow.Status), 0)}, " +
                    $"{timers[nameof(WorkflowTimerRow.Attempts)].Name} = {timers[nameof(WorkflowTimerRow.Attempts)].Name} + 1, " +
                    $"{timers.Assign(nameof(WorkflowTimerRow.ClaimToken), 1)}, {timers.Assign(nameof(WorkflowTimerRow.ClaimedUntil), 2)} " +
                    $"WHERE {timers.Assign(nameof(WorkflowTimerRow.Id), 3)}"),
                StepRows.Any,
                (timers[nameof(WorkflowTimerRow.Status)], TimerStatus.Fired), (timers[nameof(WorkflowTimerRow.ClaimToken)], null),
                (timers[nameof(WorkflowTimerRow.ClaimedUntil)], null), (timers[nameof(WorkflowTimerRow.Id)], firedId));
        }

        foreach (var subscriptionId in change.ConsumedSubscriptionIds.IsDefault ? [] : change.ConsumedSubscriptionIds)
            DeleteSubscription(batch, subscriptionId);

        foreach (var resolved in change.ResolvedIncidents.IsDefault ? [] : change.ResolvedIncidents)
            ResolveIncident(batch, change, resolved);

        for (var first = 0; first < change.Journal.Length; first += RowsPerInsert)
        {
            var rows = change.Journal.AsSpan(first, Math.Min(RowsPerInsert, change.Journal.Length - first));
            var values = new object?[rows.Length * JournalColumns.Length];
            for (var row = 0; row < rows.Length; row++)
            {
                var entry = rows[row];
                object?[] line = [id, entry.At, entry.TokenId, entry.NodeId, entry.Kind, Truncate(entry.Detail), entry.Actor];
                line.CopyTo(values, row * JournalColumns.Length);
            }

            InsertRows(batch, tables.Journal, JournalColumns, rows.Length, values);
        }
    }

    private void AddInstance(StepBatch batch, InstanceChange change)
    {
        var state = change.State;
        var json = InstanceStateJson.Serialize(state);
        if (change.ExpectedSequence is not { } expected)
        {
            Insert(batch, tables.Instances, InstanceColumns, state.InstanceId, state.ProcessId,
                ProcessDefinitionCache.ParseVersionKey(state.DefinitionVersion), state.Status, json, state.Sequence,
                state.ParentInstanceId, change.BusinessKey, change.BusinessKeyKind, change.At, change.At);
            return;
        }

        var instances = tables.Instances;
        batch.Add(instances,
            instances.Update(
                [nameof(WorkflowInstanceRow.Sequence), nameof(WorkflowInstanceRow.StateJson), nameof(WorkflowInstanceRow.Status),
                    nameof(WorkflowInstanceRow.UpdatedAt)],
                [nameof(WorkflowInstanceRow.Id), nameof(WorkflowInstanceRow.Sequence)]),
            StepRows.OneOrConflict,
            (instances[nameof(WorkflowInstanceRow.Sequence)], state.Sequence), (instances[nameof(WorkflowInstanceRow.StateJson)], json),
            (instances[nameof(WorkflowInstanceRow.Status)], state.Status), (instances[nameof(WorkflowInstanceRow.UpdatedAt)], change.At),
            (instances[nameof(WorkflowInstanceRow.Id)], state.InstanceId), (instances[nameof(WorkflowInstanceRow.Sequence)], expected));
    }

    /// <summary>A retry that fails again at the same element updates its open incident rather than adding a second.</summary>
    private async Task AddIncidentAsync(StepBatch batch, InstanceChange change, IncidentRaised incident, CancellationToken cancellationToken)
    {
        var id = change.State.InstanceId;
        var message = Truncate(incident.Message)!;
        var open = await db.WorkflowIncidents.AsNoTracking()
            .Where(i => i.InstanceId == id && i.TokenId == incident.TokenId && i.ElementId == incident.ElementId && i.ResolvedAt == null)
            .Select(i => (Guid?)i.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is { } openId)
        {
            UpdateById(batch, tables.Incidents, StepRows.Any, [nameof(WorkflowIncidentRow.Message), nameof(WorkflowIncidentRow.At)],
                openId, message, change.At);
            return;
        }

        Insert(batch, tables.Incidents, IncidentColumns, Guid.CreateVersion7(change.At), id, incident.TokenId, incident.ElementId,
            message, change.At);
    }

    private void ResolveIncident(StepBatch batch, InstanceChange change, Incident resolved)
    {
        var incidents = tables.Incidents;
        var at = (incidents[nameof(WorkflowIncidentRow.ResolvedAt)], (object?)(DateTimeOffset?)change.At);
        var instance = (incidents[nameof(WorkflowIncidentRow.InstanceId)], (object?)change.State.InstanceId);
        var element = (incidents[nameof(WorkflowIncidentRow.ElementId)], (object?)resolved.ElementId);
        if (resolved.TokenId is { } tokenId)
        {
            batch.Add(incidents, incidents.Fixed("ResolveIncidentOfToken", static incidents =>
                    ResolveIncidentSql(incidents) + incidents.Assign(nameof(WorkflowIncidentRow.TokenId), 3)),
                StepRows.Any, at, instance, element, (incidents[nameof(WorkflowIncidentRow.TokenId)], tokenId));
        }
        else
        {
            batch.Add(incidents, incidents.Fixed("ResolveIncidentWithoutToken", static incidents => ResolveTokenlessIncidentSql(incidents)),
                StepRows.Any, at, instance, element);
        }
    }

    /// <summary>The open incident of an instance's element that belongs to no token.</summary>
    private static string ResolveTokenlessIncidentSql(StepTable incidents) =>
        ResolveIncidentSql(incidents) + $"{incidents[nameof(WorkflowIncidentRow.TokenId)].Name} IS NULL";

    /// <summary>The open incident of an instance's element, up to the condition on its token.</summary>
    private static string ResolveIncidentSql(StepTable incidents) =>
        $"UPDATE {incidents.Name} SET {incidents.Assign(nameof(WorkflowIncidentRow.ResolvedAt), 0)} " +
        $"WHERE {incidents.Assign(nameof(WorkflowIncidentRow.InstanceId), 1)} AND {incidents.Assign(nameof(WorkflowIncidentRow.ElementId), 2)} " +
        $"AND {incidents[nameof(WorkflowIncidentRow.ResolvedAt)].Name} IS NULL AND ";

    /// <summary>
    /// A timer that gave up has an incident of its own (no token: <see cref="TimerSweeper"/> records it); a step that
    /// cancels the timer leaves nothing to retry, so the incident is resolved with it. Before the timer's own UPDATE,
    /// which ends its Failed status.
    /// </summary>
    private void ResolveGivenUpTimer(StepBatch batch, InstanceChange change, TimerCancelled cancelled)
    {
        var incidents = tables.Incidents;
        var timers = tables.Timers;
        var sql = incidents.Fixed("ResolveGivenUpTimer", timers, static (incidents, timers) =>
            ResolveTokenlessIncidentSql(incidents) + " " +
            $"AND EXISTS (SELECT 1 FROM {timers.Name} WHERE {timers.Assign(nameof(WorkflowTimerRow.Id), 3)} " +
            $"AND {timers.Assign(nameof(WorkflowTimerRow.Status), 4)})");
        batch.Add(incidents, sql, StepRows.Any,
            (incidents[nameof(WorkflowIncidentRow.ResolvedAt)], (DateTimeOffset?)change.At),
            (incidents[nameof(WorkflowIncidentRow.InstanceId)], change.State.InstanceId),
            (incidents[nameof(WorkflowIncidentRow.ElementId)], cancelled.NodeId),
            (timers[nameof(WorkflowTimerRow.Id)], cancelled.TimerId),
            (timers[nameof(WorkflowTimerRow.Status)], TimerStatus.Failed));
    }

    private void DeleteSubscription(StepBatch batch, Guid subscriptionId)
    {
        if (!deletedSubscriptions.Add(subscriptionId))
            return;
        var subscriptions = tables.Subscriptions;
        batch.Add(subscriptions, subscriptions.Delete(ById), StepRows.OneOrConflict, (subscriptions[nameof(MessageSubscriptionRow.Id)], subscriptionId));
    }

    private static void UpdateById(StepBatch batch, StepTable table, StepRows rows, string[] set, Guid id, params object?[] values)
    {
        var parameters = new (StepColumn, object?)[set.Length + 1];
        for (var index = 0; index < set.Length; index++)
            parameters[index] = (table[set[index]], values[index]);
        parameters[^1] = (table[ById[0]], id);
        batch.Add(table, table.Update(set, ById), rows, parameters);
    }

    private static void Insert(StepBatch batch, StepTable table, string[] columns, params object?[] values) =>
        InsertRows(batch, table, columns, 1, values);

    private static void InsertRows(StepBatch batch, StepTable table, string[] columns, int rows, object?[] values)
    {
        var parameters = new (StepColumn, object?)[values.Length];
        for (var index = 0; index < values.Length; index++)
            parameters[index] = (table[columns[index % columns.Length]], values[index]);
        batch.Add(table, table.Insert(columns, rows), StepRows.Any, parameters);
    }

    private static string? Truncate(string? text) => text is { Length: > MaxText } ? text[..MaxText] : text;
}

using System.Collections.Immutable;
using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Store;

/// <summary>
/// Everything one step stores, in one transaction: the instance that moved, plus a child it started or a parent it
/// resumed (a call activity and its called instance move together).
/// </summary>
public sealed record StepCommit(ImmutableArray<InstanceChange> Instances);

/// <summary>
/// One instance's part of a step. The store inserts the instance when <see cref="ExpectedSequence"/> is null, else
/// updates it only if the stored sequence still equals it. Effects become rows: <see cref="TaskCreated"/> an open task
/// (with <see cref="OrganisationId"/>), <see cref="TaskCancelled"/> a cancelled one, <see cref="TimerScheduled"/> a
/// pending timer, <see cref="TimerCancelled"/> a cancelled one, <see cref="MessageSubscribed"/>/<see cref="MessageUnsubscribed"/>
/// a subscription added/removed, <see cref="IncidentRaised"/> an incident. <see cref="MessageThrown"/> needs no row: the
/// engine delivered the message within the step (its receiver is another <see cref="InstanceChange"/> of the commit).
/// </summary>
/// <param name="State">The new snapshot.</param>
/// <param name="At">When the step ran (the host's clock).</param>
/// <param name="OrganisationId">The organisation new tasks belong to, from the instance variables; null when none.</param>
/// <param name="CompletedTask">The task this step completed, if any.</param>
/// <param name="FiredTimerId">The timer this step fired, if any.</param>
/// <param name="ConsumedSubscriptionIds">Subscriptions gone from the state without an unsubscribe (the delivered one).</param>
/// <param name="ResolvedIncidents">Incidents this step resolved: of the previous state (a retry, a terminate) or raised and ended again in this step.</param>
/// <param name="BusinessKey">The business object the instance and its new tasks serve, from the instance variables; null when none.</param>
/// <param name="BusinessKeyKind">The kind of that object (see <see cref="WorkflowEngineOptions.BusinessKeys"/>); null when none.</param>
/// <param name="ScheduledOccurrence">
/// For a new instance a timer start event started: the occurrence it was started for. The store claims (process id,
/// occurrence) with the step, once ever, so two nodes sweeping at once start it once (see <see cref="IInstanceStore.SaveStepAsync"/>).
/// </param>
public sealed record InstanceChange(
    InstanceState State,
    long? ExpectedSequence,
    DateTimeOffset At,
    ImmutableArray<EngineEffect> Effects,
    ImmutableArray<JournalEntry> Journal,
    string? OrganisationId = null,
    TaskCompletion? CompletedTask = null,
    Guid? FiredTimerId = null,
    ImmutableArray<Guid> ConsumedSubscriptionIds = default,
    ImmutableArray<Incident> ResolvedIncidents = default,
    string? BusinessKey = null,
    string? BusinessKeyKind = null,
    DateTimeOffset? ScheduledOccurrence = null);

/// <summary>Who completed a task, with which outcome and data (JSON object of the data keys).</summary>
public sealed record TaskCompletion(Guid TaskId, string? CompletedBy, string? Outcome, string? DataJson, DateTimeOffset At);

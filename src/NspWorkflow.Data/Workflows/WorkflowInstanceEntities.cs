using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// A row of <c>WorkflowInstances</c>: the engine's snapshot as JSON, plus the columns lists and the optimistic check
/// need. <see cref="Sequence"/> is the concurrency token: a step updates the row only if it still has the sequence it loaded.
/// </summary>
public sealed class WorkflowInstanceRow
{
    public Guid Id { get; set; }
    public string ProcessId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public InstanceStatus Status { get; set; }
    public string StateJson { get; set; } = "";
    public long Sequence { get; set; }
    public Guid? ParentInstanceId { get; set; }
    /// <summary>The business object (NSP: the case id) the instance serves; see <c>WorkflowEngineOptions.BusinessKeys</c>.</summary>
    public string? BusinessKey { get; set; }
    /// <summary>What kind of object <see cref="BusinessKey"/> names (NSP: <c>case</c>).</summary>
    public string? BusinessKeyKind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A user task. <see cref="OrganisationId"/> is the organisation (in NSP the shelter) it belongs to, taken from the
/// instance variable the host names (NSP: <c>shelterId</c>) when the task is created.
/// </summary>
public sealed class WorkflowTaskRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string NodeId { get; set; } = "";
    public string? AssigneeRole { get; set; }
    public string? OrganisationId { get; set; }
    /// <summary>The business object (NSP: the case id) the task serves.</summary>
    public string? BusinessKey { get; set; }
    /// <summary>What kind of object <see cref="BusinessKey"/> names: the host's pages and lists find its subject by it.</summary>
    public string? BusinessKeyKind { get; set; }
    public string? FormKey { get; set; }
    public string? MailTemplate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public WaitStatus Status { get; set; }
    public string? CompletedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Outcome { get; set; }
    public string? DataJson { get; set; }
}

/// <summary>
/// A timer. The sweep claims due rows with <see cref="ClaimToken"/>/<see cref="ClaimedUntil"/> so two app nodes never
/// fire one timer twice; a crashed node's claim expires. Failures back off by <see cref="NextAttemptAt"/>.
/// </summary>
public sealed class WorkflowTimerRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string NodeId { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public TimerStatus Status { get; set; }
    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
}

/// <summary>An instance waiting for a message with this name and correlation key (null: a message without a key).</summary>
public sealed class MessageSubscriptionRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string Name { get; set; } = "";
    public string? CorrelationKey { get; set; }
    public string NodeId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One line of an instance's history: an element entered, left, cancelled, failed, or a task completed.</summary>
public sealed class WorkflowJournalRow
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid TokenId { get; set; }
    public string NodeId { get; set; } = "";
    public JournalKind Kind { get; set; }
    public string? Detail { get; set; }
    public string? Actor { get; set; }
}

/// <summary>
/// An error that stopped an instance at an element (or a timer that gave up). <see cref="Message"/> is the engine's
/// description, which names elements and never variable values. Resolved by an administrator's retry.
/// </summary>
public sealed class WorkflowIncidentRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid? TokenId { get; set; }
    public string ElementId { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

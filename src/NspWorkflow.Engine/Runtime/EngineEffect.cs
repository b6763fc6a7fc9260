using System.Collections.Immutable;
using System.Text.Json;

namespace NspWorkflow.Engine.Runtime;

/// <summary>
/// Something the host must do or store in the same transaction as the new <see cref="InstanceState"/>:
/// rows for tasks, timers and subscriptions, outgoing mail, child instances to start.
/// </summary>
public abstract record EngineEffect;

/// <summary>A user task was created; mail it to <see cref="AssigneeRole"/> with <see cref="MailTemplate"/> when given.</summary>
public sealed record TaskCreated(Guid TaskId, string NodeId, string? AssigneeRole, string? Form, DateTimeOffset? DueAt, string? MailTemplate) : EngineEffect;

/// <summary>A user task was withdrawn (interrupting boundary event, terminate end event).</summary>
public sealed record TaskCancelled(Guid TaskId, string NodeId) : EngineEffect;

/// <summary>Store a timer row; the host calls <see cref="WorkflowRunner.FireTimer"/> once its clock reaches <see cref="DueAt"/>.</summary>
public sealed record TimerScheduled(Guid TimerId, string NodeId, DateTimeOffset DueAt) : EngineEffect;

/// <summary>Delete the timer row: its activity or gateway was left. (A timer that fired is not reported: the host consumed it.)</summary>
public sealed record TimerCancelled(Guid TimerId, string NodeId) : EngineEffect;

/// <summary>The instance waits for message <see cref="MessageName"/> with <see cref="CorrelationKey"/> (null: any key).</summary>
public sealed record MessageSubscribed(Guid SubscriptionId, string NodeId, string MessageName, string? CorrelationKey) : EngineEffect;

public sealed record MessageUnsubscribed(Guid SubscriptionId, string NodeId, string MessageName, string? CorrelationKey) : EngineEffect;

/// <summary>
/// A throw event or message end event threw message <see cref="MessageName"/> with <see cref="CorrelationKey"/> (computed
/// from the throwing instance's variables; null when the message has no <c>nsp:correlationKey</c>). It carries no data.
/// The host delivers it in the same step to the instance whose subscription to that name and key is oldest, as
/// <see cref="WorkflowRunner.DeliverMessage"/>; when none waits, the message is dropped (messages are not buffered).
/// </summary>
public sealed record MessageThrown(string NodeId, string MessageName, string? CorrelationKey) : EngineEffect;

/// <summary>Start instance <see cref="ChildInstanceId"/> of <see cref="CalledProcessId"/> with these variables (a call activity).</summary>
public sealed record ChildRequested(Guid ChildInstanceId, string NodeId, string CalledProcessId, ImmutableSortedDictionary<string, JsonElement> Variables) : EngineEffect;

/// <summary>Terminate the child instance: its call activity was interrupted or the caller terminated.</summary>
public sealed record ChildCancelled(Guid ChildInstanceId, string NodeId) : EngineEffect;

/// <summary>A send task: put mail of <see cref="Template"/> to <see cref="Role"/> in the outbox.</summary>
public sealed record MailRequested(string Template, string? Role, string NodeId) : EngineEffect;

/// <summary>The instance ended normally; if it has a parent, the host calls <see cref="WorkflowRunner.CompleteChild"/> on it.</summary>
public sealed record InstanceCompleted(Guid InstanceId) : EngineEffect;

/// <summary>
/// A terminate end event ended the instance (the parent, if any, resumes as for a completion), or an error end event
/// did (<see cref="ErrorCode"/>): the parent's call activity then resumes by the boundary event that catches the error.
/// </summary>
public sealed record InstanceTerminated(Guid InstanceId, string EndEventId, string? ErrorCode = null) : EngineEffect;

/// <summary>A token stopped at <see cref="ElementId"/> with an error; an administrator can retry.</summary>
public sealed record IncidentRaised(Guid TokenId, string ElementId, string Message) : EngineEffect;

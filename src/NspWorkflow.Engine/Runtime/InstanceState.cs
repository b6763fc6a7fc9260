using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Runtime;

[JsonConverter(typeof(JsonStringEnumConverter<InstanceStatus>))]
public enum InstanceStatus
{
    /// <summary>Every token waits (task, timer, message, child, join).</summary>
    Running,
    /// <summary>At least one token stopped at an element with an error; see <see cref="InstanceState.Incidents"/>.</summary>
    Incident,
    /// <summary>Every token reached an end event.</summary>
    Completed,
    /// <summary>A terminate end event ended the instance.</summary>
    Terminated,
}

[JsonConverter(typeof(JsonStringEnumConverter<TokenState>))]
public enum TokenState
{
    /// <summary>At an activity, catch event or event-based gateway, waiting for a task, timer, message or child.</summary>
    Waiting,
    /// <summary>Arrived at a joining parallel or inclusive gateway by <see cref="Token.ArrivedVia"/>, waiting for the other flows.</summary>
    AtJoin,
    /// <summary>Stopped at its node by an error; <see cref="WorkflowRunner.RetryIncident"/> runs the node again.</summary>
    Incident,
}

/// <summary>
/// A token: where one path of the instance is. <see cref="ArrivedVia"/> is the flow it came by (joins need it).
/// <see cref="Scope"/>: inside an embedded sub-process, the token waiting at the sub-process (the sub-process ends when
/// the last token of its scope does); null at the process level.
/// </summary>
public sealed record Token(Guid Id, string NodeId, TokenState State, string? ArrivedVia = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Scope = null);

/// <summary>
/// An open user task of the token <see cref="TokenId"/> at <see cref="NodeId"/>. An instance of a multi-instance task
/// carries its <see cref="Item"/> of the collection and its <see cref="LoopCounter"/> (0-based), for the host to show.
/// </summary>
public sealed record TaskWait(Guid TaskId, Guid TokenId, string NodeId, string? AssigneeRole, string? Form, DateTimeOffset? DueAt, string? MailTemplate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Item = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? LoopCounter = null);

/// <summary>
/// A multi-instance activity in progress: its token <see cref="BodyTokenId"/> waits at <see cref="NodeId"/> (with the
/// activity's boundary events) while each instance has a token of its own, scoped to it. <see cref="Items"/> is the
/// collection as it was when the activity was entered; <see cref="Started"/> and <see cref="Completed"/> count instances.
/// </summary>
public sealed record LoopWait(Guid BodyTokenId, string NodeId, ImmutableArray<JsonElement> Items, int Started, int Completed,
    ImmutableArray<LoopInstance> Instances);

/// <summary>One running instance of a multi-instance activity: its token, its index in the collection, and whether it has finished and awaits counting.</summary>
public sealed record LoopInstance(Guid TokenId, int Index, bool Done);

/// <summary>
/// A scheduled timer. <see cref="NodeId"/> is the timer event: an intermediate catch event (the token waits there or,
/// for an event-based gateway, at the gateway) or a boundary event (the token is the one at its activity).
/// <see cref="RepetitionsLeft"/> counts the further firings of a cycle after this one (0 when none); <see cref="Interval"/>
/// is the cycle's interval when an expression gave the cycle (else the definition has it, and it is not stored).
/// </summary>
public sealed record TimerWait(Guid TimerId, Guid TokenId, string NodeId, DateTimeOffset DueAt, int RepetitionsLeft = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IsoDuration? Interval = null);

/// <summary>
/// A message subscription: <see cref="NodeId"/> is the message event or receive task (possibly a boundary event or the
/// target of an event-based gateway). <see cref="CorrelationKey"/> is the value of the message's <c>nsp:correlationKey</c>
/// when subscribed, or null when the message has none.
/// </summary>
public sealed record MessageWait(Guid SubscriptionId, Guid TokenId, string NodeId, string MessageName, string? CorrelationKey);

/// <summary>A called process the token at call activity <see cref="NodeId"/> waits for.</summary>
public sealed record ChildWait(Guid ChildInstanceId, Guid TokenId, string NodeId, string CalledProcessId);

/// <summary>An error that stopped token <see cref="TokenId"/>; <see cref="ElementId"/> is the element that failed.</summary>
public sealed record Incident(Guid TokenId, string ElementId, string Message, DateTimeOffset At);

/// <summary>
/// Everything the engine knows about one instance, as an immutable snapshot the host stores (for example as one JSON
/// column, see <see cref="InstanceStateJson"/>). Every successful step returns a new snapshot with <see cref="Sequence"/>
/// one higher, which the host can use for optimistic concurrency.
/// </summary>
/// <param name="DefinitionVersion">The host's opaque key of the definition version the instance runs on.</param>
/// <param name="ParentInstanceId">The calling instance when this one was started by a call activity.</param>
/// <param name="Variables">The instance variables as JSON values.</param>
public sealed record InstanceState(
    Guid InstanceId,
    string ProcessId,
    string DefinitionVersion,
    Guid? ParentInstanceId,
    InstanceStatus Status,
    long Sequence,
    ImmutableSortedDictionary<string, JsonElement> Variables,
    ImmutableArray<Token> Tokens,
    ImmutableArray<TaskWait> Tasks,
    ImmutableArray<TimerWait> Timers,
    ImmutableArray<MessageWait> Messages,
    ImmutableArray<ChildWait> Children,
    ImmutableArray<Incident> Incidents)
{
    /// <summary>The multi-instance activities in progress; null when there are none, so most states store nothing for them.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<LoopWait>? Loops { get; init; }

    /// <summary>True while the instance can still move: running or stopped by an incident.</summary>
    [JsonIgnore]
    public bool IsActive => Status is InstanceStatus.Running or InstanceStatus.Incident;

    public Token? FindToken(Guid id) => Tokens.FirstOrDefault(t => t.Id == id);
}

namespace NspWorkflow.Engine.Model;

/// <summary>What an intermediate catch or boundary event waits for.</summary>
public abstract record EventTrigger;

public sealed record TimerTrigger(TimerDefinition Timer) : EventTrigger;

/// <summary>Waits for the message with id <see cref="MessageRef"/> (a <c>bpmn:message</c> of the document).</summary>
public sealed record MessageTrigger(string? MessageRef) : EventTrigger;

/// <summary>Catches the error <see cref="ErrorRef"/> (a <c>bpmn:error</c> of the document), or any error when null.</summary>
public sealed record ErrorTrigger(string? ErrorRef) : EventTrigger;

/// <summary>
/// A none start event (the host starts instances), or a timer start event (its <c>Timer</c>: a
/// <see cref="DateTimer"/> or <see cref="AnchoredCycleTimer"/>) that the host's schedule starts as well.
/// </summary>
public sealed record StartEvent(string Id, string? Name, TimerDefinition? Timer = null) : FlowNode(Id, Name)
{
    public override string ElementName => "startEvent";
}

/// <summary>
/// A none end event; a terminate end event that ends every other token of its scope (the instance, or the sub-process
/// it is in); an error end event that throws the <c>bpmn:error</c> <see cref="ErrorRef"/> to the nearest boundary event
/// that catches it; or a message end event that throws the message with id <see cref="MessageRef"/> (a
/// <c>bpmn:message</c> of the document) as its token ends.
/// </summary>
public sealed record EndEvent(string Id, string? Name, bool Terminate, string? ErrorRef = null, string? MessageRef = null) : FlowNode(Id, Name)
{
    public override string ElementName => "endEvent";
}

/// <summary>
/// Throws the message with id <see cref="MessageRef"/> and goes on; null: a none throw event, which only marks a point
/// of the path (a milestone) and passes the token on.
/// </summary>
public sealed record IntermediateThrowEvent(string Id, string? Name, string? MessageRef) : FlowNode(Id, Name)
{
    public override string ElementName => "intermediateThrowEvent";
}

public sealed record IntermediateCatchEvent(string Id, string? Name, EventTrigger? Trigger) : FlowNode(Id, Name)
{
    public override string ElementName => "intermediateCatchEvent";
}

/// <summary>
/// A timer or message on the edge of an activity. Interrupting (<c>cancelActivity</c>, the default) ends the
/// activity; non-interrupting starts an extra path while the activity keeps waiting.
/// </summary>
public sealed record BoundaryEvent(string Id, string? Name, string? AttachedToId, bool Interrupting, EventTrigger? Trigger)
    : FlowNode(Id, Name)
{
    public override string ElementName => "boundaryEvent";
}

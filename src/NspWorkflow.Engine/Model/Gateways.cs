namespace NspWorkflow.Engine.Model;

/// <summary>Takes the first outgoing flow whose condition holds (document order), else the default.</summary>
public sealed record ExclusiveGateway(string Id, string? Name, string? DefaultFlowId) : FlowNode(Id, Name)
{
    public override string ElementName => "exclusiveGateway";
}

/// <summary>Splits into every outgoing flow; joins by waiting for a token on every incoming flow.</summary>
public sealed record ParallelGateway(string Id, string? Name) : FlowNode(Id, Name)
{
    public override string ElementName => "parallelGateway";
}

/// <summary>Waits on the events after it; the first to happen wins and the others are cancelled.</summary>
public sealed record EventBasedGateway(string Id, string? Name) : FlowNode(Id, Name)
{
    public override string ElementName => "eventBasedGateway";
}

/// <summary>
/// Splits into every outgoing flow whose condition holds (else the default); joins by waiting until no other token can
/// still reach an incoming flow that has none (BPMN 2.0 §13.3.4).
/// </summary>
public sealed record InclusiveGateway(string Id, string? Name, string? DefaultFlowId) : FlowNode(Id, Name)
{
    public override string ElementName => "inclusiveGateway";
}

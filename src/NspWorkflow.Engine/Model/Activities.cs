namespace NspWorkflow.Engine.Model;

/// <summary>Work by a person: <c>nsp:assigneeRole</c>, <c>nsp:form</c>, <c>nsp:mailTemplate</c>, <c>nsp:due</c>.</summary>
public sealed record UserTask(string Id, string? Name, NspSettings Settings) : FlowNode(Id, Name)
{
    public override string ElementName => "userTask";
    public override bool IsActivity => true;
}

/// <summary>Work by the host: runs the handler named by <c>nsp:handler</c>.</summary>
public sealed record ServiceTask(string Id, string? Name, NspSettings Settings) : FlowNode(Id, Name)
{
    public override string ElementName => "serviceTask";
    public override bool IsActivity => true;
}

/// <summary>Sends the mail template <c>nsp:mailTemplate</c> (through the host's outbox) to <c>nsp:assigneeRole</c>.</summary>
public sealed record SendTask(string Id, string? Name, NspSettings Settings) : FlowNode(Id, Name)
{
    public override string ElementName => "sendTask";
    public override bool IsActivity => true;
}

/// <summary>Waits for the message <see cref="MessageRef"/>.</summary>
public sealed record ReceiveTask(string Id, string? Name, string? MessageRef) : FlowNode(Id, Name)
{
    public override string ElementName => "receiveTask";
    public override bool IsActivity => true;
}

/// <summary>Starts process <see cref="CalledProcessId"/> and waits for it; variables mapped by <c>nsp:inputs</c>/<c>nsp:outputs</c>.</summary>
public sealed record CallActivity(string Id, string? Name, string? CalledProcessId, NspSettings Settings) : FlowNode(Id, Name)
{
    public override string ElementName => "callActivity";
    public override bool IsActivity => true;
}

/// <summary>
/// An embedded sub-process: its own start event, flows and end events inside one activity of the process. Its nodes
/// are kept flat in <see cref="ProcessDefinition.Nodes"/>; <see cref="ProcessDefinition.ScopeOf"/> says which are inside.
/// </summary>
public sealed record SubProcess(string Id, string? Name) : FlowNode(Id, Name)
{
    public override string ElementName => "subProcess";
    public override bool IsActivity => true;
}

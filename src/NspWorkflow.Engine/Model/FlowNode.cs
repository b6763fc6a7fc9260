namespace NspWorkflow.Engine.Model;

/// <summary>
/// A node of the process graph. The hierarchy is closed: these records are the BPMN subset the engine
/// runs, plus <see cref="UnsupportedNode"/> which keeps an unknown element's id so flows to it do not
/// cascade into further problems.
/// </summary>
public abstract record FlowNode(string Id, string? Name)
{
    /// <summary>The BPMN element name, e.g. "userTask", for messages.</summary>
    public abstract string ElementName { get; }

    /// <summary>Tasks and call activities: nodes that do work and can carry boundary events.</summary>
    public virtual bool IsActivity => false;

    /// <summary>Label for messages: the name if there is one, for the administrator's recognition.</summary>
    public string Describe() => string.IsNullOrWhiteSpace(Name) ? $"'{Id}'" : $"'{Id}' ({Name})";
}

/// <summary>An element outside the subset, e.g. a script task or sub-process.</summary>
public sealed record UnsupportedNode(string Id, string? Name, string ElementName, string Reason) : FlowNode(Id, Name)
{
    public override string ElementName { get; } = ElementName;
}

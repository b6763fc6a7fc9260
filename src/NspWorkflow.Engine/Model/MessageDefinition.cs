namespace NspWorkflow.Engine.Model;

/// <summary>
/// A <c>bpmn:message</c>. <see cref="Name"/> is what senders use (e.g. "police-report-filed");
/// <see cref="CorrelationKey"/> (<c>nsp:correlationKey</c>) is evaluated against the waiting instance's
/// variables to decide which instance a message reaches.
/// </summary>
public sealed record MessageDefinition(string Id, string? Name, string? CorrelationKey);

namespace NspWorkflow.Engine.Model;

/// <summary>
/// A sequence flow. <see cref="Condition"/> is the JavaScript body of its conditionExpression with any leading
/// <c>=</c> removed; <see cref="IsDefault"/> is true when its source gateway names it as the default.
/// </summary>
public sealed record SequenceFlow(string Id, string? Name, string SourceId, string TargetId, string? Condition, bool IsDefault);

namespace NspWorkflow.Engine.Model;

/// <summary>
/// A <c>bpmn:error</c>: a business error a service-task handler raises or an error end event throws, by
/// <see cref="ErrorCode"/> (e.g. "period-overlap"), for an error boundary event to catch.
/// </summary>
public sealed record ErrorDefinition(string Id, string? Name, string? ErrorCode);

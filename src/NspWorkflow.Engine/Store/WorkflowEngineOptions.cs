namespace NspWorkflow.Engine.Store;

/// <summary>How the host wants the engine to behave.</summary>
/// <param name="OrganisationVariable">
/// The instance variable naming the organisation new tasks belong to (its string or number value is stored on the
/// task row); null when tasks have no organisation.
/// </param>
/// <param name="MaxInstancesPerStep">Bound on the instances one step may move (call activities starting or resuming each other).</param>
public sealed record WorkflowEngineOptions(string? OrganisationVariable = null, int MaxInstancesPerStep = 50);

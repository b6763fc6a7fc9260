namespace NspWorkflow.Engine.Store;

/// <summary>How the host wants the engine to behave.</summary>
/// <param name="OrganisationVariable">
/// The instance variable naming the organisation new tasks belong to (its string or number value is stored on the
/// task row); null when tasks have no organisation.
/// </param>
/// <param name="BusinessKeyVariable">
/// The instance variable naming the business object an instance and its tasks serve (NSP: the case). Stored on the
/// instance and task rows so the host finds them by it; a called instance gets it through its inputs.
/// </param>
/// <param name="CalendarTimeZone">
/// The time zone whose calendar the expressions' <c>addDays</c> and <c>addMonths</c> count in (NSP: Sweden); UTC when null.
/// </param>
/// <param name="MaxInstancesPerStep">Bound on the instances one step may move (call activities starting or resuming each other).</param>
public sealed record WorkflowEngineOptions(
    string? OrganisationVariable = null,
    int MaxInstancesPerStep = 50,
    string? BusinessKeyVariable = null,
    TimeZoneInfo? CalendarTimeZone = null);

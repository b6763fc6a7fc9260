namespace NspWorkflow.Engine.Store;

/// <summary>How the host wants the engine to behave.</summary>
/// <param name="OrganisationVariable">
/// The instance variable naming the organisation new tasks belong to (its string or number value is stored on the
/// task row); null when tasks have no organisation.
/// </param>
/// <param name="BusinessKeys">
/// The instance variables that name the business object an instance and its tasks serve, each with the kind of object it
/// names (NSP: <c>caseId</c>, a case). The first the instance has gives the key and its kind, stored on the instance and
/// task rows so the host finds them by it and knows what they are about; a called instance gets it through its inputs.
/// </param>
/// <param name="CalendarTimeZone">
/// The time zone whose calendar the expressions' <c>addDays</c> and <c>addMonths</c> count in (NSP: Sweden); UTC when null.
/// </param>
/// <param name="MaxInstancesPerStep">Bound on the instances one step may move (call activities starting or resuming each other).</param>
public sealed record WorkflowEngineOptions(
    string? OrganisationVariable = null,
    int MaxInstancesPerStep = 50,
    IReadOnlyList<BusinessKeyVariable>? BusinessKeys = null,
    TimeZoneInfo? CalendarTimeZone = null);

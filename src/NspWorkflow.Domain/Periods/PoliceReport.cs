namespace NspWorkflow.Domain.Periods;

/// <summary>A police report ("polisanmälan") and whether the state's reflection period (MMM) was granted.</summary>
public sealed record PoliceReport(DateOnly Date, bool MmmGranted);

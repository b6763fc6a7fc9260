namespace NspWorkflow.Domain.Cases;

public enum CaseStatus
{
    /// <summary>Applied for; the coordinator has not decided.</summary>
    Applied,

    /// <summary>Admitted: periods run.</summary>
    Active,

    /// <summary>Ended with an outcome (point interventions may still come after MMM).</summary>
    Closed,
}

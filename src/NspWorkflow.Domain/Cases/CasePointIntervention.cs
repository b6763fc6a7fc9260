using NspWorkflow.Domain.PointInterventions;

namespace NspWorkflow.Domain.Cases;

public enum PointInterventionStatus
{
    Submitted,
    Approved,
    Rejected,
}

/// <summary>A point intervention as applied for on a case, and the coordinator's decision.</summary>
public sealed record CasePointIntervention(
    Guid Id,
    PointIntervention Details,
    PointInterventionStatus Status,
    DateTimeOffset SubmittedAt,
    string? RejectionReason = null);

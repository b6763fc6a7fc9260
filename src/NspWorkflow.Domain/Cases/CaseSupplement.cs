namespace NspWorkflow.Domain.Cases;

public enum SupplementStatus
{
    Requested,
    Approved,
    Rejected,
}

/// <summary>
/// The motivated daily supplement (002: "Boendena kan ansöka om ett dygnstillägg om 200 SEK/dygn … Eventuella tillägg ska
/// motiveras") as asked for on a case: why, on which day, and the coordinator's decision, made apart from any period.
/// </summary>
public sealed record CaseSupplement(
    Guid Id,
    string Justification,
    DateOnly RequestedOn,
    SupplementStatus Status,
    DateOnly? DecidedOn = null,
    string? RejectionReason = null);

using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;

namespace NspWorkflow.Data.Cases;

/// <summary>
/// A case as stored: the columns lists, access checks and reports filter on, and the whole case file in
/// <see cref="ProtectedData"/>, encrypted by the host (it holds the person's facts and free text). <see cref="Version"/>
/// is the concurrency token: two steps changing one case at once give one winner.
/// </summary>
public sealed class CaseRow
{
    public Guid Id { get; set; }
    public string Reference { get; set; } = "";
    public Guid ShelterId { get; set; }
    public CaseStatus Status { get; set; }
    public CaseOutcome Outcome { get; set; }
    public DateOnly PlacementDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The day (in Sweden) the case closed; null while open. The retention period runs from it.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>
    /// When the retention job erased the personal data (<see cref="ProtectedData"/> is then empty); null until then.
    /// The plain columns stay for the reports.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; set; }
    public Guid Version { get; set; }
    public string ProtectedData { get; set; } = "";
}

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
    public Guid Version { get; set; }
    public string ProtectedData { get; set; } = "";
}

namespace NspWorkflow.Data.Tariffs;

/// <summary>
/// One tariff as a revision added it: <see cref="Json"/> is a tariff file holding it alone (the format of
/// <c>workflows/tariffs/*.json</c>, so export and seed are the same thing). A row is never changed except to record the
/// revision that replaced it; history is the rows themselves. <see cref="Revision"/> is unique: two administrators saving
/// at once give one winner.
/// </summary>
public sealed class TariffRow
{
    public const int MaxActorLength = Audit.AuditEntry.MaxActorLength;

    public int Revision { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public string Json { get; set; } = "";

    public int? ReplacedInRevision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who saved it; the seed from the files is named as such.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>Saved with an effective date before the day it was saved, which the administrator confirmed as a correction.</summary>
    public bool IsCorrection { get; set; }
}

namespace NspWorkflow.Data.Invoicing;

/// <summary>
/// The invoice basis job ran for <see cref="Month"/> (yyyyMM). The month is the key: a second run for the same month fails on
/// it and writes nothing, so no line is ever built twice; and a month with a run is invoiced, so later changes to its days
/// come as corrections.
/// </summary>
public sealed class InvoiceRunRow
{
    public const int MaxActorLength = Audit.AuditEntry.MaxActorLength;

    public int Month { get; set; }
    public DateTimeOffset RanAt { get; set; }
    public string RanBy { get; set; } = "";
}

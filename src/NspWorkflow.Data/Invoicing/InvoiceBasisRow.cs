namespace NspWorkflow.Data.Invoicing;

/// <summary>Where a shelter's invoice basis of a month stands.</summary>
public enum InvoiceBasisStatus
{
    /// <summary>Built by the job; the shelter checks it and submits its invoice.</summary>
    Ready,

    /// <summary>The shelter submitted its invoice number and file; the coordinator attests it or sends it back.</summary>
    Submitted,

    /// <summary>The coordinator sent it back with a comment; the shelter submits again.</summary>
    SentBack,

    /// <summary>Attested: locked, and listed for payment.</summary>
    Attested,
}

/// <summary>
/// One shelter's invoice basis of one month: its lines, and the shelter's invoice for them. One per shelter and month (a
/// unique key). <see cref="Version"/> is the concurrency token: of two decisions at once, one wins.
/// </summary>
public sealed class InvoiceBasisRow
{
    public const int MaxInvoiceNumberLength = 50;
    public const int MaxCommentLength = 2000;

    public Guid Id { get; set; }
    public Guid ShelterId { get; set; }
    public int Month { get; set; }
    public InvoiceBasisStatus Status { get; set; }
    public decimal Total { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? InvoiceNumber { get; set; }
    public string? InvoiceFileReference { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? SentBackComment { get; set; }
    public Guid Version { get; set; }
    public List<InvoiceLineRow> Lines { get; set; } = [];

    /// <summary>The month and a short id, for a downloaded file's name (no shelter or case in it).</summary>
    public static string FileNameOf(InvoiceBasisRow basis) => $"{basis.Month / 100:D4}-{basis.Month % 100:D2}-{basis.Id.ToString("N")[..8]}";
}

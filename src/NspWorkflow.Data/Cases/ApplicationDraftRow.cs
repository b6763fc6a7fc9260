namespace NspWorkflow.Data.Cases;

/// <summary>
/// An admission application a shelter user saved before submitting: only its shelter and times in the clear, the typed
/// form in <see cref="ProtectedData"/>, encrypted by the host like a case file (it holds the person's facts). Submitting
/// the application deletes the draft in the same save that opens the case. <see cref="Version"/> makes two saves of one
/// draft at once give one winner.
/// </summary>
public sealed class ApplicationDraftRow
{
    public Guid Id { get; set; }
    public Guid ShelterId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }
    public string ProtectedData { get; set; } = "";
}

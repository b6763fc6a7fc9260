namespace NspWorkflow.Data.Audit;

/// <summary>
/// Who read or changed which case, when, through what. <see cref="Action"/> is a fixed verb such as <c>case.read</c>;
/// <see cref="Detail"/> holds only names of things (a form key, an outcome), never case data.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxActorLength = 200;

    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public Guid? CaseId { get; set; }
    public string? CaseReference { get; set; }
    public string? Detail { get; set; }
}

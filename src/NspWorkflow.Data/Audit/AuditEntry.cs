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

    /// <summary>An actor as every actor column keeps it: a longer name is cut, never refused (the action must be recorded).</summary>
    public static string FitActor(string actor) => actor.Length > MaxActorLength ? actor[..MaxActorLength] : actor;

    /// <summary>An entry at <paramref name="at"/>, its id ordered by that time.</summary>
    public static AuditEntry Create(DateTimeOffset at, string actor, string action, string? detail = null, Guid? caseId = null,
        string? caseReference = null) => new()
        {
            Id = Guid.CreateVersion7(at), At = at, Actor = FitActor(actor), Action = action, Detail = detail, CaseId = caseId,
            CaseReference = caseReference,
        };
}

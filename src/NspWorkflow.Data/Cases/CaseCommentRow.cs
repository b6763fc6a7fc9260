namespace NspWorkflow.Data.Cases;

/// <summary>
/// A comment the coordinator or the case's shelter wrote on a case: who and when in the clear (as the audit log keeps
/// actors), the free text in <see cref="ProtectedText"/>, encrypted by the host like the case file (it may name the
/// person). Comments are never edited: a correction is a new comment.
/// </summary>
public sealed class CaseCommentRow
{
    public const int MaxAuthorLength = 200;
    public const int MaxRoleLength = 20;

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string Author { get; set; } = "";

    /// <summary>The role the author wrote in (<c>coordinator</c> or <c>shelter</c>), shown when the name is not fit to show.</summary>
    public string AuthorRole { get; set; } = "";

    public DateTimeOffset At { get; set; }
    public string ProtectedText { get; set; } = "";
}

using NspWorkflow.Domain;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>routine-check</c>: the coordinator checks the shelter's yearly report and completes it, which renews the
/// certification for a year (from its current last day while valid, from today when lapsed), or sends it back with a
/// comment the shelter reads on its report.
/// </summary>
public sealed class RoutineCheckForm(TimeProvider time) : TaskForm<RoutineCheckSubject, CommentData>
{
    public const string Complete = "complete";
    public const string SendBack = "send-back";

    public const string FormKey = "routine-check";

    public override string Key => FormKey;

    public override string SubjectKind => RoutineCheckNames.SubjectKind;

    public override string Label => "RoutineCheck.CheckTask";

    public override string Decides => "RoutineCheck.Decides";

    public override IReadOnlyList<string> Outcomes { get; } = [Complete, SendBack];

    public override string? View => "/Pathways/Forms/_RoutineCheckComment.cshtml";

    public override string? InputIdOf(string field) => field == "comment" ? "Input_Comment" : null;

    public override string? LabelOf(string field) => field == "comment" ? "RoutineCheck.Comment" : null;

    protected override ValueTask<Action<RoutineCheckSubject>?> PrepareAsync(TaskFormContext context, CommentData data, List<RuleViolation> violations,
        CancellationToken cancellationToken)
    {
        var completed = context.Outcome == Complete;
        var (today, now) = (SwedishCalendar.Today(time), time.GetUtcNow());
        return ValueTask.FromResult<Action<RoutineCheckSubject>?>(subject =>
        {
            if (completed)
                subject.Shelter.Certify(subject.Check.Complete(subject.Shelter.CertifiedUntil, today), now);
            else
                subject.Check.Return(data.Comment ?? "");
        });
    }
}

/// <summary>A comment, which sending back requires: the API's <c>data.comment</c> and the page's field alike.</summary>
public sealed class CommentData
{
    public string? Comment { get; set; }
}

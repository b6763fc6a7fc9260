using NspWorkflow.Domain;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>certification-review</c>: the coordinator reviews the submitted questionnaire against the requirements and accepts it
/// (the visit comes next) or returns it with what to complete, which the shelter reads on its questionnaire.
/// </summary>
public sealed class CertificationReviewForm : TaskForm<CertificationSubject, ReasonData>
{
    public const string Accept = "accept";
    public const string SendBack = "send-back";

    public override string Key => "certification-review";

    public override string SubjectKind => CertificationNames.SubjectKind;

    public override string Label => "Certification.ReviewTask";

    public override string Decides => "Mail.Decision.Questionnaire";

    public override IReadOnlyList<string> Outcomes { get; } = [Accept, SendBack];

    public override string? View => "/Pathways/Forms/_CertificationComment.cshtml";

    public override string? InputIdOf(string field) => field is "reason" or "comment" ? "Input_Reason" : null;

    public override string? LabelOf(string field) => field is "reason" or "comment" ? "Certification.Comment" : null;

    protected override ValueTask<Action<CertificationSubject>?> PrepareAsync(TaskFormContext context, ReasonData data, List<RuleViolation> violations,
        CancellationToken cancellationToken)
    {
        var accepted = context.Outcome == Accept;
        return ValueTask.FromResult<Action<CertificationSubject>?>(subject =>
        {
            if (accepted)
                subject.Certification.Accept();
            else
                subject.Certification.Return(data.Reason ?? "");
        });
    }
}

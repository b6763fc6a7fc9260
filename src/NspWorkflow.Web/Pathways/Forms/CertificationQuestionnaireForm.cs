using NspWorkflow.Domain;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>certification-questionnaire</c>: the shelter answers the questionnaire (step 1): its profile, whom it can receive and
/// every minimum requirement of the year, with a comment where one is not met. The page starts from its earlier answers
/// (after a return) or from what the register says it can receive.
/// </summary>
public sealed class CertificationQuestionnaireForm : TaskForm<CertificationSubject, QuestionnaireData>
{
    public const string Submit = "submit";

    public override string Key => "certification-questionnaire";

    public override string SubjectKind => CertificationNames.SubjectKind;

    public override string Label => "Certification.QuestionnaireTask";

    public override IReadOnlyList<string> Outcomes { get; } = [Submit];

    public override string? View => "/Pathways/Forms/_CertificationQuestionnaire.cshtml";

    public override string? InputIdOf(string field) => QuestionnaireFields.InputIdOf(field);

    public override string? LabelOf(string field) => QuestionnaireFields.LabelOf(field, null)?.Key;

    protected override FieldLabel? LabelOf(string field, CertificationSubject subject) => QuestionnaireFields.LabelOf(field, subject.Requirements);

    protected override QuestionnaireData InputFor(CertificationSubject subject)
    {
        var capacity = subject.Certification.Questionnaire?.Capacity ?? subject.Shelter.Capacity;
        return new QuestionnaireData
        {
            Profile = subject.Certification.Questionnaire?.Profile,
            Women = capacity.Women, Men = capacity.Men, AccompanyingChildren = capacity.AccompanyingChildren,
            ActiveSubstanceAbuse = capacity.ActiveSubstanceAbuse, Places = capacity.Places, ExploitationForms = [.. capacity.ExploitationForms],
            Answers = [.. subject.Requirements.Requirements.Select(r => subject.Certification.Questionnaire?.Answers.FirstOrDefault(a => a.Key == r.Key) is { } given
                ? new AnswerData { Key = r.Key, Met = given.Met, Comment = given.Comment }
                : new AnswerData { Key = r.Key })],
        };
    }

    protected override ValueTask<Action<CertificationSubject>?> PrepareAsync(TaskFormContext context, QuestionnaireData data, List<RuleViolation> violations,
        CancellationToken cancellationToken)
    {
        var questionnaire = data.ToQuestionnaire();
        return ValueTask.FromResult<Action<CertificationSubject>?>(subject => subject.Certification.Submit(questionnaire, subject.Requirements));
    }
}

using NspWorkflow.Domain;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;
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

    public override string? InputIdOf(string field) => field switch
    {
        "profile" => "Input_Profile",
        "capacity.places" => "Input_Places",
        "capacity.women" => "Input_Women",
        "capacity.exploitationForms" => "Input_ExploitationForms",
        _ when field.StartsWith("answers.", StringComparison.Ordinal) => $"answer-{field["answers.".Length..].Replace(".comment", "-comment", StringComparison.Ordinal)}",
        _ => null,
    };

    public override string? LabelOf(string field) => field switch
    {
        "profile" => "Certification.Profile",
        "capacity.places" => "Places",
        "capacity.women" => "TargetGroups",
        _ when field.EndsWith(".comment", StringComparison.Ordinal) => "Certification.AnswerComment",
        _ when field.StartsWith("answers.", StringComparison.Ordinal) => "Certification.Answer",
        _ => null,
    };

    protected override FieldLabel? LabelOf(string field, CertificationSubject subject) =>
        RequirementFieldLabels.Of(field, subject, "answers", AnswerLabels);

    private static readonly Dictionary<string, string> AnswerLabels = new(StringComparer.Ordinal)
    {
        [""] = "Certification.AnswerToX0", ["comment"] = "Certification.CommentOnX0",
    };

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
        // An answer without yes or no is not given: the domain then names the requirement as unanswered.
        var questionnaire = new Questionnaire(data.Profile ?? "",
            new ShelterCapacity(data.Women, data.Men, data.AccompanyingChildren, data.ActiveSubstanceAbuse, data.Places, data.ExploitationForms),
            [.. data.Answers.Where(a => a.Key is not null && a.Met is not null).Select(a => new RequirementAnswer(a.Key!, a.Met!.Value, Given(a.Comment)?.Trim()))]);
        return ValueTask.FromResult<Action<CertificationSubject>?>(subject => subject.Certification.Submit(questionnaire, subject.Requirements));
    }
}

/// <summary>The questionnaire as the task's data and its page's input.</summary>
public sealed class QuestionnaireData
{
    public string? Profile { get; set; }
    public bool Women { get; set; }
    public bool Men { get; set; }
    public bool AccompanyingChildren { get; set; }
    public bool ActiveSubstanceAbuse { get; set; }
    public int Places { get; set; }
    public List<ExploitationForm> ExploitationForms { get; set; } = [];
    public List<AnswerData> Answers { get; set; } = [];
}

/// <summary>One requirement's answer: met (yes or no) and a comment, required when not met.</summary>
public sealed class AnswerData
{
    public string? Key { get; set; }
    public bool? Met { get; set; }
    public string? Comment { get; set; }
}

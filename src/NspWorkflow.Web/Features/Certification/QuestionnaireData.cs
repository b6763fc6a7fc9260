using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>The questionnaire as the task's data and its pages' input (the task, and the invitation's link).</summary>
public sealed class QuestionnaireData
{
    /// <summary>The answers as the domain takes them. An answer without yes or no is not given: the rules then name the requirement as unanswered.</summary>
    public Questionnaire ToQuestionnaire() => new(Profile ?? "",
        new ShelterCapacity(Women, Men, AccompanyingChildren, ActiveSubstanceAbuse, Places, ExploitationForms),
        [.. Answers.Where(a => a.Key is not null && a.Met is not null).Select(a => new RequirementAnswer(a.Key!, a.Met!.Value, Given(a.Comment)))]);

    /// <summary>An empty questionnaire with a row for each requirement of the list.</summary>
    public static QuestionnaireData Blank(RequirementCatalog requirements) =>
        new() { Answers = [.. requirements.Requirements.Select(r => new AnswerData { Key = r.Key })] };

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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

using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Layout;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// What the questionnaire's fields partial (<c>_QuestionnaireFields</c>) renders: the answers so far, the year's
/// requirements, and the page's errors. The task form and the invitation's page share the fields, their ids and labels.
/// </summary>
public sealed record QuestionnaireFields(QuestionnaireData Input, IReadOnlyList<Requirement> Requirements, IFieldErrors Errors)
{
    /// <summary>The id of the input a rule's field (as <see cref="Questionnaire.Validate"/> names it) belongs to; null for none.</summary>
    public static string? InputIdOf(string field) => field switch
    {
        "profile" => "Input_Profile",
        "capacity.places" => "Input_Places",
        "capacity.women" => "Input_Women",
        "capacity.exploitationForms" => "Input_ExploitationForms",
        _ when field.StartsWith("answers.", StringComparison.Ordinal) => $"answer-{field["answers.".Length..].Replace(".comment", "-comment", StringComparison.Ordinal)}",
        _ => null,
    };

    /// <summary>The label a message names the field by; a requirement's fields by the requirement's text.</summary>
    public static FieldLabel? LabelOf(string field, RequirementCatalog? requirements) => field switch
    {
        "profile" => new("Certification.Profile"),
        "capacity.places" => new("Places"),
        "capacity.women" => new("TargetGroups"),
        _ when requirements is not null && RequirementFieldLabels.Of(field, requirements, "answers", AnswerLabels) is { } label => label,
        _ when field.EndsWith(".comment", StringComparison.Ordinal) => new("Certification.AnswerComment"),
        _ when field.StartsWith("answers.", StringComparison.Ordinal) => new("Certification.Answer"),
        _ => null,
    };

    private static readonly Dictionary<string, string> AnswerLabels = new(StringComparer.Ordinal)
    {
        [""] = "Certification.AnswerToX0", ["comment"] = "Certification.CommentOnX0",
    };
}

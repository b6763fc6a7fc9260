using System.Text.RegularExpressions;
using NspWorkflow.Domain.Cases;

namespace NspWorkflow.Web.Features.Cases.Pages.Application;

/// <summary>Where an application field's error goes on the form: its model state key, the input it links to, and its label.</summary>
/// <param name="LabelKey">The message table key of the label; <paramref name="LabelArgument"/> fills its placeholder.</param>
public sealed record ApplicationField(string Key, string InputId, string LabelKey, object? LabelArgument = null);

/// <summary>
/// The application's fields named as the API and the domain name them (<c>placementDate</c>, <c>children[0].birthYear</c>,
/// <c>needsAssessment.areas.housing.notes</c>), mapped to the page's form. A field with no input of its own (the shelter's
/// certification) is an error of the whole form.
/// </summary>
public static partial class ApplicationFields
{
    public const string PlacementDate = "placementDate";
    public const string BirthYear = "birthYear";
    public const string Gender = "gender";
    public const string Country = "countryOfOrigin";
    public const string Exploitation = "exploitation";
    public const string Children = "children";
    public const string AssessmentDate = "needsAssessment.date";

    public static string ChildBirthYear(int index) => $"children[{index}].birthYear";

    /// <summary>The form's place for a field, or null for an error of the whole form.</summary>
    public static ApplicationField? Find(string field)
    {
        switch (field)
        {
            case PlacementDate: return new("Form.PlacementDate", "Form_PlacementDate", "PlacementDate");
            case BirthYear: return new("Form.BirthYear", "Form_BirthYear", "BirthYear");
            case Gender: return new("Form.Gender", "Form_Gender", "Gender");
            case Country: return new("Form.Country", "Form_Country", "CountryOfOrigin");
            case Exploitation: return new("Form.Exploitation", $"Form_Exploitation_{Domain.Shelters.ExploitationForm.Sexual}", "FormsOfExploitation");
            case Children: return new("Form.Children", "Form_Children_0__BirthYear", "Children");
            case AssessmentDate: return new("Form.AssessmentDate", "Form_AssessmentDate", "Application.AssessmentDate");
            case "criteria.likelyVictim": return new("Form.LikelyVictim", "Form_LikelyVictim", "Application.LikelyVictim");
            case "criteria.shelterCanMeetNeeds": return new("Form.ShelterCanMeetNeeds", "Form_ShelterCanMeetNeeds", "Application.ShelterCanMeetNeeds");
            case "criteria.notFundedBySociety": return new("Form.NotFundedBySociety", "Form_NotFundedBySociety", "Application.NotFundedBySociety");
        }

        if (ChildField().Match(field) is { Success: true } child)
        {
            var i = int.Parse(child.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return new($"Form.Children[{i}].BirthYear", $"Form_Children_{i}__BirthYear", "Application.ChildBirthYear", i + 1);
        }

        if (AreaField().Match(field) is { Success: true } text
            && Enum.GetValues<NeedArea>().FirstOrDefault(a => NeedsAssessment.Json(a) == text.Groups[1].Value) is var area
            && NeedsAssessment.Json(area) == text.Groups[1].Value)
        {
            var k = Array.IndexOf(Enum.GetValues<NeedArea>(), area);
            var (property, label) = text.Groups[2].Value == "plannedSupport" ? ("PlannedSupport", "Application.PlannedSupportFor") : ("Notes", "Application.NotesFor");
            return new($"Form.Needs[{k}].{property}", $"Form_Needs_{k}__{property}", label, CaseDisplayArea(area));
        }

        return null;
    }

    /// <summary>The model state key a binding error of the form lands on, back to the field the rules name.</summary>
    public static string? FromModelStateKey(string key) => key switch
    {
        "Form.PlacementDate" => PlacementDate,
        "Form.BirthYear" => BirthYear,
        "Form.Gender" => Gender,
        "Form.AssessmentDate" => AssessmentDate,
        _ when ChildKey().Match(key) is { Success: true } m => ChildBirthYear(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)),
        _ => null,
    };

    /// <summary>The message table key of a need area's name.</summary>
    public static string CaseDisplayArea(NeedArea area) => CaseDisplay.NeedArea(NeedsAssessment.Json(area));

    [GeneratedRegex(@"^children\[(\d+)\]\.birthYear$")]
    private static partial Regex ChildField();

    [GeneratedRegex(@"^Form\.Children\[(\d+)\]\.BirthYear$")]
    private static partial Regex ChildKey();

    [GeneratedRegex(@"^needsAssessment\.areas\.(\w+)\.(plannedSupport|notes)$")]
    private static partial Regex AreaField();
}

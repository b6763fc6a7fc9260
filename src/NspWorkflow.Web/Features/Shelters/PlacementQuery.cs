using System.Globalization;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Infrastructure.Api;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>
/// A placement search as the address carries it, for the page's GET form and the API's query string alike. Every value is
/// text so that anything binds and <see cref="ToFilter"/> judges it, naming the field of a value it cannot read.
/// </summary>
public sealed record PlacementQuery(
    string? Region = null,
    string? Women = null,
    string? Men = null,
    string? AccompanyingChildren = null,
    string? ActiveSubstanceAbuse = null,
    string? ExploitationForm = null,
    string? MinFreePlaces = null)
{
    /// <summary>The query's fields as the address names them, in the order of the page's form.</summary>
    public const string RegionField = "region";
    public const string WomenField = "women";
    public const string MenField = "men";
    public const string AccompanyingChildrenField = "accompanyingChildren";
    public const string ActiveSubstanceAbuseField = "activeSubstanceAbuse";
    public const string ExploitationFormField = "exploitationForm";
    public const string MinFreePlacesField = "minFreePlaces";

    /// <summary>The filter, or the violations of the values that could not be read (each naming its field).</summary>
    public (PlacementFilter Filter, IReadOnlyList<RuleViolation> Violations) ToFilter()
    {
        var violations = new List<RuleViolation>();
        var filter = new PlacementFilter(
            Choice<Region>(Region, RegionField, violations),
            Flag(Women, WomenField, violations),
            Flag(Men, MenField, violations),
            Flag(AccompanyingChildren, AccompanyingChildrenField, violations),
            Flag(ActiveSubstanceAbuse, ActiveSubstanceAbuseField, violations),
            Choice<ExploitationForm>(ExploitationForm, ExploitationFormField, violations),
            Count(MinFreePlaces, MinFreePlacesField, violations));
        return (filter, violations);
    }

    // An empty select ("all regions") is no choice, as a missing parameter is.
    private static T? Choice<T>(string? text, string field, List<RuleViolation> violations) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (RequestEnums.TryParse<T>(text.Trim(), out var value))
            return value;
        violations.Add(new(field, RuleViolationCode.Invalid));
        return null;
    }

    // A checked box sends "true"; an unchecked one sends nothing.
    private static bool Flag(string? text, string field, List<RuleViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(text))
            return false;
        if (bool.TryParse(text.Trim(), out var value))
            return value;
        violations.Add(new(field, RuleViolationCode.WrongType, ExpectedValue.TrueOrFalse));
        return false;
    }

    private static int? Count(string? text, string field, List<RuleViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            violations.Add(new(field, RuleViolationCode.WrongType, ExpectedValue.WholeNumber));
            return null;
        }
        if (value < 0)
        {
            violations.Add(new(field, RuleViolationCode.Negative));
            return null;
        }
        return value;
    }
}

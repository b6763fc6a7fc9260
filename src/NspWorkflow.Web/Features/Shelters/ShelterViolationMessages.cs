using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>
/// The one place that words the domain's <see cref="RuleViolation"/>s about a shelter, and input that did not
/// even bind, as messages that name the form's field: the shared wording of <see cref="RuleViolationTexts"/>, and the
/// shelter's own texts where its rules say more.
/// </summary>
public static class ShelterViolationMessages
{
    /// <summary>The page property the form binds to; its fields' ModelState keys start with it.</summary>
    public const string Prefix = "Form";

    /// <summary>The form's fields in the order the page shows them, with their labels (keys of the message table).</summary>
    public static IReadOnlyList<(string Field, string Label)> Fields { get; } =
    [
        (nameof(ShelterForm.Name), "Name"),
        (nameof(ShelterForm.Region), "Region"),
        (nameof(ShelterForm.Women), "TargetGroups"),
        (nameof(ShelterForm.Places), "NumberOfPlaces"),
        (nameof(ShelterForm.ExploitationForms), "FormsOfExploitation"),
        (nameof(ShelterForm.ContactEmails), "ContactAddresses"),
        (nameof(ShelterForm.CertificationStatus), "CertificationStatus"),
        (nameof(ShelterForm.CertifiedUntil), "CertifiedUntil"),
    ];

    // The domain names fields by its own model; the form flattens the capacity.
    private static readonly Dictionary<string, string> FormFieldOfDomainField = new()
    {
        ["Capacity.Places"] = nameof(ShelterForm.Places),
        ["Capacity.Women"] = nameof(ShelterForm.Women),
        ["Capacity.Men"] = nameof(ShelterForm.Women),
        ["Capacity.ExploitationForms"] = nameof(ShelterForm.ExploitationForms),
    };

    public static string ModelStateKey(string formField) => $"{Prefix}.{formField}";

    public static string FormField(RuleViolation violation) =>
        FormFieldOfDomainField.GetValueOrDefault(violation.Field, violation.Field);

    public static string Label(string formField) =>
        Fields.FirstOrDefault(f => f.Field == formField).Label ?? formField;

    public static string Message(IStringLocalizer<SharedResource> T, RuleViolation violation)
    {
        var label = T[Label(FormField(violation))].Value;
        var arguments = violation.Arguments;
        return violation.Code switch
        {
            RuleViolationCode.NoTargetGroup => T["Shelter.NoTargetGroup"],
            RuleViolationCode.InvalidEmail => T["Shelter.InvalidEmail", arguments[0]],
            RuleViolationCode.Duplicate => T["Shelter.DuplicateName", arguments[0]],
            _ => new RuleViolationTexts(T).Message(violation, label),
        };
    }

    /// <summary>Adds each violation to the field it concerns.</summary>
    public static void AddTo(ModelStateDictionary modelState, IStringLocalizer<SharedResource> T, IEnumerable<RuleViolation> violations)
    {
        foreach (var violation in violations)
            modelState.AddModelError(ModelStateKey(FormField(violation)), Message(T, violation));
    }

    /// <summary>
    /// Rewords what model binding refused (places "abc", a date that is no date) in the user's language and
    /// naming the field. The form has no data annotations, so every error present before the rules run is one of these.
    /// </summary>
    public static void ReplaceBindingErrors(ModelStateDictionary modelState, IStringLocalizer<SharedResource> T)
    {
        var refused = modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 } && entry.Key.StartsWith(Prefix + ".", StringComparison.Ordinal))
            .Select(entry => entry.Key)
            .ToList();
        var worded = new HashSet<string>();
        foreach (var key in refused)
        {
            // The entry keeps what was typed, so the form shows it again; "ExploitationForms[1]" reports on its group.
            modelState[key]!.Errors.Clear();
            var field = key[(Prefix.Length + 1)..].Split('[')[0];
            if (!worded.Add(field))
                continue;
            var label = T[Label(field)].Value;
            modelState.AddModelError(ModelStateKey(field), field switch
            {
                nameof(ShelterForm.Places) => T["Shelter.NotAnInteger", label],
                nameof(ShelterForm.CertifiedUntil) => T["Shelter.NotADate", label],
                _ => T[RuleViolationTexts.KeyOf(RuleViolationCode.Invalid, withLabel: true), label],
            });
        }
    }

    /// <summary>A violation for a name another shelter already has.</summary>
    public static RuleViolation DuplicateName(string name) =>
        new(nameof(ShelterDetails.Name), RuleViolationCode.Duplicate, name);
}

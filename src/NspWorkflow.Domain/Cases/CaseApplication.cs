using NspWorkflow.Domain.Shelters;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Cases;

/// <summary>
/// A shelter's application for a person placed with it (the admission): who the person is, in the few facts the program
/// needs, and that the three criteria hold. Field names in violations are the API's (camelCase).
/// </summary>
public sealed record CaseApplication(
    Guid ShelterId,
    DateOnly PlacementDate,
    int BirthYear,
    Gender Gender,
    string CountryOfOrigin,
    IReadOnlyList<ExploitationForm> Exploitation,
    IReadOnlyList<Child> Children,
    AdmissionCriteria Criteria,
    NeedsAssessment? NeedsAssessment)
{
    public const int MaxChildren = 20;
    public const int OldestBirthYear = 1900;

    /// <summary>The age from which the program supports a victim; a younger victim is the social services' to protect (000).</summary>
    public const int AdultAge = 18;

    /// <summary>The children in Sweden with the person who have not left: each brings the supplement.</summary>
    public int ChildrenInSweden => Children.Count(c => c.InSweden && c.LeftOn is null);

    /// <summary>The fields (as the API names them) in which this application differs from <paramref name="before"/>, in the form's order.</summary>
    public IReadOnlyList<string> ChangedFrom(CaseApplication before)
    {
        var changed = new List<string>();
        void Compare(string field, bool same)
        {
            if (!same)
                changed.Add(field);
        }

        Compare("placementDate", PlacementDate == before.PlacementDate);
        Compare("birthYear", BirthYear == before.BirthYear);
        Compare("gender", Gender == before.Gender);
        Compare("countryOfOrigin", CountryOfOrigin == before.CountryOfOrigin);
        Compare("exploitation", Exploitation.Order().SequenceEqual(before.Exploitation.Order()));
        Compare("children", Children.SequenceEqual(before.Children));
        Compare("criteria", Criteria == before.Criteria);
        Compare("needsAssessment", Same(NeedsAssessment, before.NeedsAssessment));
        return changed;
    }

    private static bool Same(NeedsAssessment? a, NeedsAssessment? b) =>
        a is null || b is null ? a is null && b is null
            : a.Kind == b.Kind && a.Date == b.Date && a.Areas.Count == b.Areas.Count
              && a.Areas.All(e => b.Areas.TryGetValue(e.Key, out var other) && other == e.Value);

    /// <summary>
    /// Every broken rule. Only a shelter whose certification is valid on the placement date and today may apply; the
    /// placement cannot be in the future.
    /// </summary>
    public IReadOnlyList<RuleViolation> Validate(Shelter? shelter, DateOnly today, TariffSchedule tariffs)
    {
        var violations = new List<RuleViolation>();
        if (shelter is null)
            violations.Add(new("shelterId", RuleViolationCode.NotFound));
        else if (!shelter.IsCertifiedOn(PlacementDate) || !shelter.IsCertifiedOn(today))
            violations.Add(new("shelterId", RuleViolationCode.NotCertified));
        violations.AddRange(ValidateFacts(today, tariffs));
        return violations;
    }

    /// <summary>Every broken rule about the person and the criteria, the shelter aside (an amendment keeps the shelter that applied).</summary>
    public IReadOnlyList<RuleViolation> ValidateFacts(DateOnly today, TariffSchedule tariffs)
    {
        var violations = new List<RuleViolation>();
        if (PlacementDate > today)
            violations.Add(new("placementDate", RuleViolationCode.OutOfRange));
        else if (!tariffs.TryInForceOn(PlacementDate, out _))
            // No rate exists for those days: the case could never start its reflection.
            violations.Add(tariffs.NoTariffInForce("placementDate"));
        if (BirthYear < OldestBirthYear || BirthYear > today.Year)
            violations.Add(new("birthYear", RuleViolationCode.OutOfRange, OldestBirthYear, today.Year));
        else if (PlacementDate.Year - BirthYear < AdultAge)
            // 000: a child who is a victim is always protected by society, so the program does not apply. With a birth
            // year alone, someone who turns 18 in the placement year counts as an adult (the benefit of the doubt).
            violations.Add(new("birthYear", RuleViolationCode.ChildVictim));
        if (!Enum.IsDefined(Gender))
            violations.Add(new("gender", RuleViolationCode.Invalid));
        if (!CountryCodes.IsAssigned(CountryOfOrigin))
            violations.Add(new("countryOfOrigin", RuleViolationCode.Invalid));

        if (Exploitation.Count == 0)
            violations.Add(new("exploitation", RuleViolationCode.Required));
        else if (Exploitation.Any(e => !Enum.IsDefined(e)) || Exploitation.Distinct().Count() != Exploitation.Count)
            violations.Add(new("exploitation", RuleViolationCode.Invalid));

        if (Children.Count > MaxChildren)
            violations.Add(new("children", RuleViolationCode.TooMany, MaxChildren));
        for (var i = 0; i < Children.Count; i++)
        {
            if (Children[i].BirthYear < BirthYear || Children[i].BirthYear > today.Year)
                violations.Add(new($"children[{i}].birthYear", RuleViolationCode.OutOfRange, BirthYear, today.Year));
        }

        violations.AddRange(Criteria.Validate("criteria"));
        if (NeedsAssessment is not null)
            violations.AddRange(NeedsAssessment.Validate("needsAssessment", Children.Count > 0));
        return violations;
    }
}

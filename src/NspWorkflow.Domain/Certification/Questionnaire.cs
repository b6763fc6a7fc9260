using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Domain.Certification;

/// <summary>The shelter's answer to one minimum requirement: whether it meets it, and in its own words how (or why not).</summary>
public sealed record RequirementAnswer(string Key, bool Met, string? Comment)
{
    public const int MaxCommentLength = 2000;
}

/// <summary>
/// Step 1 of certification ("Insamling av information"): the shelter's profile, whom it can receive (the capacity the
/// placement search reads once certified) and an answer to every minimum requirement of the year.
/// </summary>
public sealed record Questionnaire(string Profile, ShelterCapacity Capacity, IReadOnlyList<RequirementAnswer> Answers)
{
    public const int MaxProfileLength = 4000;

    /// <summary>Every broken rule: a profile, a target group, and each requirement answered once, with a comment when not met.</summary>
    public IReadOnlyList<RuleViolation> Validate(RequirementCatalog catalog)
    {
        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Profile))
            violations.Add(new("profile", RuleViolationCode.Required));
        else if (Profile.Trim().Length > MaxProfileLength)
            violations.Add(new("profile", RuleViolationCode.TooLong, MaxProfileLength));

        if (Capacity.Places is < 0 or > ShelterCapacity.MaxPlaces)
            violations.Add(new("capacity.places", RuleViolationCode.OutOfRange, 0, ShelterCapacity.MaxPlaces));
        if (!Capacity.Women && !Capacity.Men)
            violations.Add(new("capacity.women", RuleViolationCode.NoTargetGroup));
        if (Capacity.ExploitationForms.Any(f => !Enum.IsDefined(f)))
            violations.Add(new("capacity.exploitationForms", RuleViolationCode.Invalid));

        foreach (var answer in Answers.Where(a => !catalog.Contains(a.Key)))
            violations.Add(new($"answers.{answer.Key}", RuleViolationCode.NotFound));
        foreach (var requirement in catalog.Requirements)
        {
            var field = $"answers.{requirement.Key}";
            var given = Answers.Where(a => string.Equals(a.Key, requirement.Key, StringComparison.OrdinalIgnoreCase)).ToList();
            if (given.Count == 0)
                violations.Add(new(field, RuleViolationCode.Required));
            else if (given.Count > 1)
                violations.Add(new(field, RuleViolationCode.Duplicate));
            else if (!given[0].Met && string.IsNullOrWhiteSpace(given[0].Comment))
                violations.Add(new($"{field}.comment", RuleViolationCode.Required));
            else if (given[0].Comment?.Trim().Length > RequirementAnswer.MaxCommentLength)
                violations.Add(new($"{field}.comment", RuleViolationCode.TooLong, RequirementAnswer.MaxCommentLength));
        }

        return violations;
    }
}

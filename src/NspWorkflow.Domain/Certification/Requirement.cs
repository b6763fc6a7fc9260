namespace NspWorkflow.Domain.Certification;

/// <summary>One of the program's minimum requirements on a shelter ("minimikrav"), asked in the questionnaire and checked at the visit.</summary>
public sealed record Requirement(string Key, string Text)
{
    public const int MaxKeyLength = 50;
    public const int MaxTextLength = 1000;
}

/// <summary>
/// The minimum requirements in force for a year's certifications. The documents name them but do not list them, so they are
/// data the administrator edits; a certification keeps the year it was answered against, so editing next year's list
/// changes no certification under way.
/// </summary>
public sealed record RequirementCatalog(int Year, IReadOnlyList<Requirement> Requirements)
{
    public const int MaxRequirements = 100;

    public IReadOnlyList<RuleViolation> Validate()
    {
        var violations = new List<RuleViolation>();
        if (Year is < 2000 or > 2100)
            violations.Add(new(nameof(Year), RuleViolationCode.OutOfRange, 2000, 2100));
        if (Requirements.Count == 0)
            violations.Add(new(nameof(Requirements), RuleViolationCode.Required));
        else if (Requirements.Count > MaxRequirements)
            violations.Add(new(nameof(Requirements), RuleViolationCode.TooMany, MaxRequirements));

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Requirements.Count; i++)
        {
            var (key, text) = (Requirements[i].Key?.Trim() ?? "", Requirements[i].Text?.Trim() ?? "");
            var field = $"{nameof(Requirements)}[{i}]";
            if (key.Length == 0)
                violations.Add(new($"{field}.{nameof(Requirement.Key)}", RuleViolationCode.Required));
            else if (key.Length > Requirement.MaxKeyLength)
                violations.Add(new($"{field}.{nameof(Requirement.Key)}", RuleViolationCode.TooLong, Requirement.MaxKeyLength));
            else if (!keys.Add(key))
                violations.Add(new($"{field}.{nameof(Requirement.Key)}", RuleViolationCode.Duplicate));
            if (text.Length == 0)
                violations.Add(new($"{field}.{nameof(Requirement.Text)}", RuleViolationCode.Required));
            else if (text.Length > Requirement.MaxTextLength)
                violations.Add(new($"{field}.{nameof(Requirement.Text)}", RuleViolationCode.TooLong, Requirement.MaxTextLength));
        }

        return violations;
    }

    public bool Contains(string key) => Requirements.Any(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase));
}

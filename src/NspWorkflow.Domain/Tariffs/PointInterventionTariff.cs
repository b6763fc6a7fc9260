namespace NspWorkflow.Domain.Tariffs;

/// <summary>Point interventions ("punktinsatser"): real cost up to a cap per person and occasion, from the intervention list.</summary>
public sealed record PointInterventionTariff(decimal CapPerOccasion, IReadOnlyList<InterventionCategory> Categories)
{
    public bool HasCategory(string key) => Categories.Any(c => c.Key == key);

    internal void Validate(string path, List<RuleViolation> violations)
    {
        TariffChecks.Money(CapPerOccasion, $"{path}.capPerOccasion", violations);
        if (Categories.Count == 0)
            violations.Add(new($"{path}.categories", RuleViolationCode.Required));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Categories.Count; i++)
        {
            var category = Categories[i];
            var at = $"{path}.categories[{i}]";
            if (!InterventionCategory.IsKey(category.Key))
                violations.Add(new($"{at}.key", RuleViolationCode.Invalid));
            else if (!seen.Add(category.Key))
                violations.Add(new($"{at}.key", RuleViolationCode.Duplicate, category.Key));

            if (string.IsNullOrWhiteSpace(category.Name))
                violations.Add(new($"{at}.name", RuleViolationCode.Required));
            else if (category.Name.Length > InterventionCategory.MaxNameLength)
                violations.Add(new($"{at}.name", RuleViolationCode.TooLong, InterventionCategory.MaxNameLength));
        }
    }
}

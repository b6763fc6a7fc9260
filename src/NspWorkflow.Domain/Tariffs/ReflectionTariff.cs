namespace NspWorkflow.Domain.Tariffs;

/// <summary>
/// Reflection ("initial vila"). The adult rate is two parts because when the public pays one part,
/// only the other is paid.
/// </summary>
public sealed record ReflectionTariff(
    int MaxDays,
    decimal HousingAndFoodPerDay,
    decimal ProtectionAndSupportPerDay,
    decimal ChildSupplementPerDay,
    decimal MotivatedSupplementPerDay)
{
    internal void Validate(string path, List<RuleViolation> violations)
    {
        TariffChecks.Days(MaxDays, $"{path}.maxDays", violations);
        TariffChecks.Money(HousingAndFoodPerDay, $"{path}.housingAndFoodPerDay", violations);
        TariffChecks.Money(ProtectionAndSupportPerDay, $"{path}.protectionAndSupportPerDay", violations);
        TariffChecks.Money(ChildSupplementPerDay, $"{path}.childSupplementPerDay", violations);
        TariffChecks.Money(MotivatedSupplementPerDay, $"{path}.motivatedSupplementPerDay", violations);
    }
}

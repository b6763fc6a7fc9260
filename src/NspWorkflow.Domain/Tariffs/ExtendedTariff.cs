namespace NspWorkflow.Domain.Tariffs;

/// <summary>
/// Extended support ("fördjupat stöd"): the first period at its own adult rate, later periods at that
/// rate times <see cref="LaterPeriodAdultFactor"/> ("reducerad ersättning"). Supplements, when paid,
/// are the reflection's rates, unreduced.
/// </summary>
public sealed record ExtendedTariff(
    int MaxDays,
    int MaxPeriods,
    decimal FirstPeriodHousingAndFoodPerDay,
    decimal FirstPeriodProtectionAndSupportPerDay,
    decimal LaterPeriodAdultFactor,
    bool PaysChildSupplement,
    bool PaysMotivatedSupplement)
{
    public const int MaxMaxPeriods = 20;

    internal void Validate(string path, List<RuleViolation> violations)
    {
        TariffChecks.Days(MaxDays, $"{path}.maxDays", violations);
        if (MaxPeriods is < 0 or > MaxMaxPeriods)
            violations.Add(new($"{path}.maxPeriods", RuleViolationCode.OutOfRange, 0, MaxMaxPeriods));
        TariffChecks.Money(FirstPeriodHousingAndFoodPerDay, $"{path}.firstPeriodHousingAndFoodPerDay", violations);
        TariffChecks.Money(FirstPeriodProtectionAndSupportPerDay, $"{path}.firstPeriodProtectionAndSupportPerDay", violations);
        if (LaterPeriodAdultFactor is < 0m or > 1m)
            violations.Add(new($"{path}.laterPeriodAdultFactor", RuleViolationCode.OutOfRange, 0m, 1m));
    }
}

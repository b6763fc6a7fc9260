namespace NspWorkflow.Domain.Tariffs;

/// <summary>
/// The program's rates and limits from <see cref="EffectiveFrom"/> until the next tariff takes over.
/// Every number is data (DESIGN §2), so a year's change is a new tariff, never new code.
/// </summary>
public sealed record Tariff(
    DateOnly EffectiveFrom,
    ReflectionTariff Reflection,
    ExtendedTariff Extended,
    IntegrationTariff Integration,
    PointInterventionTariff PointInterventions,
    int NextPeriodApplicationDays = Tariff.DefaultNextPeriodApplicationDays)
{
    /// <summary>
    /// 002: a further period is applied for when the running one ends "om behoven av skydd och stöd kvarstår"; the window
    /// of its last days in which the next period may be asked for.
    /// </summary>
    public const int DefaultNextPeriodApplicationDays = 14;

    /// <summary>Every broken rule; fields are paths below <paramref name="path"/> as in the tariff file (e.g. <c>reflection.maxDays</c>).</summary>
    public IReadOnlyList<RuleViolation> Validate(string path = "")
    {
        var prefix = path.Length == 0 ? "" : path + ".";
        var violations = new List<RuleViolation>();
        Reflection.Validate(prefix + "reflection", violations);
        Extended.Validate(prefix + "extended", violations);
        Integration.Validate(prefix + "integration", violations);
        PointInterventions.Validate(prefix + "pointInterventions", violations);
        if (NextPeriodApplicationDays is < 1 or > TariffChecks.MaxDaysLimit)
            violations.Add(new(prefix + "nextPeriodApplicationDays", RuleViolationCode.OutOfRange, 1, TariffChecks.MaxDaysLimit));
        return violations;
    }
}

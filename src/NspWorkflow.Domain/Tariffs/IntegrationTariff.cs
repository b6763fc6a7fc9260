namespace NspWorkflow.Domain.Tariffs;

/// <summary>Integration / exit ("utslussning"): one daily rate for the adult, not split in parts.</summary>
public sealed record IntegrationTariff(
    int MaxDays,
    decimal DailyRate,
    bool PaysChildSupplement,
    bool PaysMotivatedSupplement)
{
    internal void Validate(string path, List<RuleViolation> violations)
    {
        TariffChecks.Days(MaxDays, $"{path}.maxDays", violations);
        TariffChecks.Money(DailyRate, $"{path}.dailyRate", violations);
    }
}

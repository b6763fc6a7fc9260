namespace NspWorkflow.Domain.Tariffs;

/// <summary>The checks every tariff number shares, so each part words its problems the same way.</summary>
internal static class TariffChecks
{
    /// <summary>No period can reasonably be longer than a year; 0 means the kind is not offered.</summary>
    public const int MaxDaysLimit = 366;

    public static void Days(int days, string field, List<RuleViolation> violations)
    {
        if (days is < 0 or > MaxDaysLimit)
            violations.Add(new(field, RuleViolationCode.OutOfRange, 0, MaxDaysLimit));
    }

    /// <summary>SEK, never negative, whole öre.</summary>
    public static void Money(decimal amount, string field, List<RuleViolation> violations)
    {
        if (amount < 0)
            violations.Add(new(field, RuleViolationCode.Negative));
        else if (decimal.Round(amount, 2) != amount)
            violations.Add(new(field, RuleViolationCode.Invalid));
    }
}

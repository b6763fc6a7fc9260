using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Periods;

/// <summary>
/// One daily-funded period of a case: <see cref="Number"/> counts periods of the same kind from 1
/// (extended period 2 and later are paid at the reduced rate). Days run from <see cref="FirstDay"/>
/// to <see cref="LastDay"/>, both included.
/// </summary>
public sealed record SupportPeriod(
    PeriodKind Kind,
    int Number,
    DateOnly FirstDay,
    DateOnly LastDay,
    PeriodTerms Terms)
{
    public const int MaxChildren = 20;
    public const int MaxReferenceLength = 200;

    /// <summary>Days inclusive of the first and the last.</summary>
    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    /// <summary>
    /// Every rule the period breaks on its own: its shape, and the limits of the tariff in force on its
    /// first day (the day it was approved for). Arguments carry limits only, never case data.
    /// </summary>
    public IReadOnlyList<RuleViolation> Validate(TariffSchedule tariffs)
    {
        var violations = new List<RuleViolation>();
        if (!Enum.IsDefined(Kind))
            violations.Add(new(nameof(Kind), RuleViolationCode.Invalid));
        if (Number < 1)
            violations.Add(new(nameof(Number), RuleViolationCode.NotPositive));
        if (LastDay < FirstDay)
            violations.Add(new(nameof(LastDay), RuleViolationCode.Invalid));
        if (Terms.AccompanyingChildrenInSweden is < 0 or > MaxChildren)
            violations.Add(new("Terms.AccompanyingChildrenInSweden", RuleViolationCode.OutOfRange, 0, MaxChildren));
        // Criterion 3: NSP pays only what society does not; when the public pays both parts there is nothing to fund.
        if (Terms.PublicPaysHousing && Terms.PublicPaysProtection)
            violations.Add(new("Terms.PublicPaysProtection", RuleViolationCode.Invalid));
        // Integration's rate is one sum, not split in parts: a flag would suggest a reduction that never happens.
        if (Kind == PeriodKind.Integration && (Terms.PublicPaysHousing || Terms.PublicPaysProtection))
            violations.Add(new("Terms.PublicPaysHousing", RuleViolationCode.Invalid));
        if (Kind == PeriodKind.Integration && string.IsNullOrWhiteSpace(Terms.NeedsAssessmentReference))
            violations.Add(new("Terms.NeedsAssessmentReference", RuleViolationCode.NeedsAssessmentRequired));
        if (Terms.NeedsAssessmentReference is { Length: > MaxReferenceLength })
            violations.Add(new("Terms.NeedsAssessmentReference", RuleViolationCode.TooLong, MaxReferenceLength));

        if (!tariffs.TryInForceOn(FirstDay, out var tariff))
        {
            violations.Add(tariffs.NoTariffInForce(nameof(FirstDay)));
            return violations;
        }

        var maxDays = Kind switch
        {
            PeriodKind.Reflection => tariff.Reflection.MaxDays,
            PeriodKind.Extended => tariff.Extended.MaxDays,
            _ => tariff.Integration.MaxDays,
        };
        if (LastDay >= FirstDay && Days > maxDays)
            violations.Add(new(nameof(LastDay), RuleViolationCode.PeriodTooLong, maxDays));
        if (Kind == PeriodKind.Extended && Number > tariff.Extended.MaxPeriods)
            violations.Add(new(nameof(Number), RuleViolationCode.TooManyExtendedPeriods, tariff.Extended.MaxPeriods));
        return violations;
    }
}

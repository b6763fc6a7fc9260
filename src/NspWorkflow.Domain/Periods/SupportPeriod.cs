using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Periods;

/// <summary>
/// One daily-funded period of a case: <see cref="Number"/> counts periods of the same kind from 1
/// (extended period 2 and later are paid at the reduced rate). Days run from <see cref="FirstDay"/>
/// to <see cref="LastDay"/>, both included. <see cref="Terms"/> hold from the first day; <see cref="Changes"/>, in order
/// of their days, replace them from a day inside the period (a child joins or leaves, the public starts to pay a part).
/// <see cref="TariffRevision"/> is the tariffs' revision the period was approved under: its days are paid by the schedule
/// as it stood then (<see cref="TariffSchedule.AsOf"/>); null for a period only shown, which the current tariffs price.
/// </summary>
public sealed record SupportPeriod(
    PeriodKind Kind,
    int Number,
    DateOnly FirstDay,
    DateOnly LastDay,
    PeriodTerms Terms,
    IReadOnlyList<TermsChange>? Changes = null,
    int? TariffRevision = null)
{
    public const int MaxChildren = 20;
    public const int MaxReferenceLength = 200;

    /// <summary>Days inclusive of the first and the last.</summary>
    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    /// <summary>The terms a day is paid on: the last change from that day or before, else the period's own.</summary>
    public PeriodTerms TermsOn(DateOnly day) => Changes?.LastOrDefault(c => c.From <= day)?.Terms ?? Terms;

    /// <summary>The period ended early on <paramref name="lastDay"/>; changes from later days go with the days.</summary>
    public SupportPeriod EndingOn(DateOnly lastDay) => this with
    {
        LastDay = lastDay,
        Changes = Changes is null ? null : [.. Changes.Where(c => c.From <= lastDay)],
    };

    // Compared by value, changes included: a restored period equals the one stored.
    public bool Equals(SupportPeriod? other) =>
        other is not null && Kind == other.Kind && Number == other.Number && FirstDay == other.FirstDay && LastDay == other.LastDay
        && Terms == other.Terms && (Changes ?? []).SequenceEqual(other.Changes ?? []) && TariffRevision == other.TariffRevision;

    public override int GetHashCode() => HashCode.Combine(Kind, Number, FirstDay, LastDay, Terms, Changes?.Count ?? 0);

    /// <summary>
    /// Every rule the period breaks on its own: its shape, and the limits of the tariff in force on its
    /// first day (the day it was approved for). Arguments carry limits only, never case data.
    /// </summary>
    public IReadOnlyList<RuleViolation> Validate(TariffSchedule tariffs)
    {
        tariffs = tariffs.AsOf(TariffRevision);
        var violations = new List<RuleViolation>();
        if (!Enum.IsDefined(Kind))
            violations.Add(new(nameof(Kind), RuleViolationCode.Invalid));
        if (Number < 1)
            violations.Add(new(nameof(Number), RuleViolationCode.NotPositive));
        if (LastDay < FirstDay)
            violations.Add(new(nameof(LastDay), RuleViolationCode.Invalid));
        ValidateTerms(Terms, "Terms", violations);
        var changes = Changes ?? [];
        for (var i = 0; i < changes.Count; i++)
        {
            // A change starts after the first day (which the period's own terms hold) and no later than the last.
            if (changes[i].From <= FirstDay || changes[i].From > LastDay || (i > 0 && changes[i].From <= changes[i - 1].From))
                violations.Add(new($"Changes[{i}].From", RuleViolationCode.OutsidePeriod));
            ValidateTerms(changes[i].Terms, $"Changes[{i}].Terms", violations);
        }
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

    private void ValidateTerms(PeriodTerms terms, string field, List<RuleViolation> violations)
    {
        if (terms.AccompanyingChildrenInSweden is < 0 or > MaxChildren)
            violations.Add(new($"{field}.AccompanyingChildrenInSweden", RuleViolationCode.OutOfRange, 0, MaxChildren));
        // Criterion 3: NSP pays only what society does not; when the public pays both parts there is nothing to fund.
        if (terms.PublicPaysHousing && terms.PublicPaysProtection)
            violations.Add(new($"{field}.PublicPaysProtection", RuleViolationCode.PublicPaysBoth));
        // Integration's rate is one sum, not split in parts: a flag would suggest a reduction that never happens.
        if (Kind == PeriodKind.Integration && (terms.PublicPaysHousing || terms.PublicPaysProtection))
            violations.Add(new($"{field}.PublicPaysHousing", RuleViolationCode.Invalid));
    }
}

/// <summary>The terms of a period from <see cref="From"/> (a day inside it) until the next change or its end.</summary>
public sealed record TermsChange(DateOnly From, PeriodTerms Terms);

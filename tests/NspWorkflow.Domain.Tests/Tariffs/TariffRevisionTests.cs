using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Tests.Tariffs;

/// <summary>
/// A tariff added or corrected later never changes the amount of days already approved: a period is paid by the schedule
/// as it stood at the revision it was approved under. Every sum is computed here by hand.
/// </summary>
public sealed class TariffRevisionTests
{
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private static readonly DateOnly March15 = new(2026, 3, 15);

    /// <summary>From 15 March housing and food costs 700 a day instead of 600 (protection and support stay 600).</summary>
    private static readonly Tariff From15March = TestTariffs.Default2022 with
    {
        EffectiveFrom = March15,
        Reflection = TestTariffs.Default2022.Reflection with { HousingAndFoodPerDay = 700m },
    };

    private static readonly TariffSchedule Revision2 = TariffSchedule.FromHistory(
    [
        new TariffEntry(TestTariffs.Default2022, Revision: 1),
        new TariffEntry(From15March, Revision: 2),
    ]);

    [Fact]
    public void A_period_approved_before_a_new_tariff_keeps_its_amount_and_one_approved_after_pays_the_new_rate_from_its_date()
    {
        var before = new CasePeriods().StartReflection(March1, new PeriodTerms(), TestTariffs.Schedule2022);
        Assert.Equal(TariffSchedule.FirstRevision, before.TariffRevision);

        // Approved under revision 1: 30 days at 600 + 600, also after the tariff of 15 March is added.
        Assert.Equal(30 * 1200m, PeriodAmount.Calculate(before, Revision2).Total);

        // Approved under revision 2: 1-14 March at 600 + 600, 15-30 March at 700 + 600.
        var after = new CasePeriods().StartReflection(March1, new PeriodTerms(), Revision2);
        Assert.Equal(2, after.TariffRevision);
        Assert.Equal(14 * 1200m + 16 * 1300m, PeriodAmount.Calculate(after, Revision2).Total);
    }

    [Fact]
    public void A_corrected_tariff_replaces_the_one_before_it_for_new_periods_only()
    {
        // Revision 3 corrects the tariff of 15 March to 650 a day.
        var corrected = From15March with { Reflection = From15March.Reflection with { HousingAndFoodPerDay = 650m } };
        var revision3 = TariffSchedule.FromHistory(
        [
            new TariffEntry(TestTariffs.Default2022, Revision: 1),
            new TariffEntry(From15March, Revision: 2, ReplacedIn: 3),
            new TariffEntry(corrected, Revision: 3),
        ]);
        Assert.Equal(3, revision3.Revision);
        Assert.Equal([TestTariffs.Default2022, corrected], revision3.Tariffs);
        Assert.Equal(650m, revision3.InForceOn(March15).Reflection.HousingAndFoodPerDay);
        Assert.Equal(700m, revision3.AsOf(2).InForceOn(March15).Reflection.HousingAndFoodPerDay);
        Assert.Equal(600m, revision3.AsOf(1).InForceOn(March15).Reflection.HousingAndFoodPerDay);

        var underRevision2 = new CasePeriods().StartReflection(March1, new PeriodTerms(), Revision2);
        Assert.Equal(14 * 1200m + 16 * 1300m, PeriodAmount.Calculate(underRevision2, revision3).Total);
        var underRevision3 = new CasePeriods().StartReflection(March1, new PeriodTerms(), revision3);
        Assert.Equal(14 * 1200m + 16 * 1250m, PeriodAmount.Calculate(underRevision3, revision3).Total);
    }

    [Fact]
    public void A_period_only_shown_is_priced_by_the_tariffs_in_force_now()
    {
        var shown = new SupportPeriod(PeriodKind.Reflection, 1, March1, March1.AddDays(29), new PeriodTerms());
        Assert.Null(shown.TariffRevision);
        Assert.Same(Revision2, Revision2.AsOf(shown.TariffRevision));
        Assert.Equal(14 * 1200m + 16 * 1300m, PeriodAmount.Calculate(shown, Revision2).Total);
    }

    [Fact]
    public void Two_tariffs_in_force_from_one_day_are_refused()
    {
        var twice = Assert.Throws<RuleViolationException>(() => TariffSchedule.FromHistory(
            [new TariffEntry(TestTariffs.Default2022, 1), new TariffEntry(From15March, 2), new TariffEntry(From15March, 3)]));
        Assert.Equal(RuleViolationCode.Duplicate, Assert.Single(twice.Violations).Code);
    }
}

using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Domain.Tests.Tariffs;

namespace NspWorkflow.Domain.Tests.Periods;

public sealed class PeriodAmountTests
{
    private static readonly DateOnly Start = new(2022, 3, 1);
    private static readonly TariffSchedule Tariffs = TestTariffs.Schedule2022;

    private static SupportPeriod Period(PeriodKind kind, int number, int days, PeriodTerms? terms = null) =>
        new(kind, number, Start, Start.AddDays(days - 1), terms ?? new PeriodTerms());

    [Fact]
    public void Days_count_the_first_and_the_last_day()
    {
        Assert.Equal(1, Period(PeriodKind.Reflection, 1, 1).Days);
        Assert.Equal(30, new SupportPeriod(PeriodKind.Reflection, 1, new(2022, 3, 1), new(2022, 3, 30), new()).Days);
    }

    [Fact]
    public void A_reflection_without_children_pays_30_times_1200()
    {
        var amount = PeriodAmount.Calculate(Period(PeriodKind.Reflection, 1, 30), Tariffs);

        Assert.Equal(36_000m, amount.Total);
        Assert.Equal(new PeriodAmount(18_000m, 18_000m, 0m, 0m, 0m), amount);
    }

    [Fact]
    public void A_child_adds_500_a_day_and_the_motivated_supplement_200()
    {
        var amount = PeriodAmount.Calculate(Period(PeriodKind.Reflection, 1, 10, new(AccompanyingChildrenInSweden: 2, MotivatedSupplementApproved: true)), Tariffs);

        Assert.Equal(new PeriodAmount(6_000m, 6_000m, 0m, 10_000m, 2_000m), amount);
        Assert.Equal(10 * (1200m + 2 * 500m + 200m), amount.Total);
    }

    [Fact]
    public void When_the_public_pays_housing_only_protection_and_support_is_paid()
    {
        var amount = PeriodAmount.Calculate(Period(PeriodKind.Reflection, 1, 30, new(PublicPaysHousing: true)), Tariffs);

        Assert.Equal(new PeriodAmount(0m, 18_000m, 0m, 0m, 0m), amount);
    }

    [Fact]
    public void When_the_public_pays_protection_only_housing_and_food_is_paid() =>
        Assert.Equal(new PeriodAmount(18_000m, 0m, 0m, 0m, 0m),
            PeriodAmount.Calculate(Period(PeriodKind.Reflection, 1, 30, new(PublicPaysProtection: true)), Tariffs));

    [Theory]
    [InlineData(1, 108_000)]
    [InlineData(2, 54_000)]
    [InlineData(3, 54_000)]
    public void Extended_periods_pay_the_full_adult_rate_first_and_half_later(int number, int expected) =>
        Assert.Equal(expected, PeriodAmount.Calculate(Period(PeriodKind.Extended, number, 90), Tariffs).Total);

    [Fact]
    public void A_reduced_extended_period_keeps_the_child_and_motivated_supplements_whole()
    {
        var amount = PeriodAmount.Calculate(Period(PeriodKind.Extended, 2, 10, new(AccompanyingChildrenInSweden: 1, MotivatedSupplementApproved: true)), Tariffs);

        Assert.Equal(new PeriodAmount(3_000m, 3_000m, 0m, 5_000m, 2_000m), amount);
    }

    [Fact]
    public void Integration_pays_its_own_rate_without_child_supplement()
    {
        var terms = new PeriodTerms(AccompanyingChildrenInSweden: 2, MotivatedSupplementApproved: true, NeedsAssessmentReference: "FB-1");

        var amount = PeriodAmount.Calculate(Period(PeriodKind.Integration, 1, 45, terms), Tariffs);

        Assert.Equal(new PeriodAmount(0m, 0m, 22_500m, 0m, 0m), amount);
    }

    [Fact]
    public void A_period_spanning_a_tariff_change_pays_each_day_at_its_own_tariff()
    {
        var tariff2021 = TestTariffs.Default2022 with
        {
            EffectiveFrom = new DateOnly(2021, 1, 1),
            Reflection = TestTariffs.Default2022.Reflection with { HousingAndFoodPerDay = 500m, ChildSupplementPerDay = 300m },
        };
        var schedule = new TariffSchedule([tariff2021, TestTariffs.Default2022]);
        // 2021-12-27 .. 2022-01-05: 5 days in 2021, 5 in 2022.
        var period = new SupportPeriod(PeriodKind.Reflection, 1, new(2021, 12, 27), new(2022, 1, 5), new(AccompanyingChildrenInSweden: 1));

        var amount = PeriodAmount.Calculate(period, schedule);

        Assert.Equal(new PeriodAmount(5 * 500m + 5 * 600m, 10 * 600m, 0m, 5 * 300m + 5 * 500m, 0m), amount);
        Assert.Equal(5 * 1400m + 5 * 1700m, amount.Total);
    }

    [Fact]
    public void The_pilot_integration_pays_1200_before_part_2_and_600_after()
    {
        var period = new SupportPeriod(PeriodKind.Integration, 1, new(2016, 8, 30), new(2016, 9, 2), new(NeedsAssessmentReference: "FB-1"));

        Assert.Equal(2 * 1200m + 2 * 600m, PeriodAmount.Calculate(period, TariffHistoryTests.History).Total);
    }

    [Fact]
    public void A_period_before_the_first_tariff_has_no_amount()
    {
        var period = new SupportPeriod(PeriodKind.Reflection, 1, new(2021, 12, 31), new(2022, 1, 1), new());

        var ex = Assert.Throws<RuleViolationException>(() => PeriodAmount.Calculate(period, Tariffs));

        Assert.Equal(("FirstDay", RuleViolationCode.NoTariffInForce), (ex.Violations[0].Field, ex.Violations[0].Code));
    }

    [Fact]
    public void A_period_longer_than_its_maximum_has_no_amount()
    {
        var ex = Assert.Throws<RuleViolationException>(() => PeriodAmount.Calculate(Period(PeriodKind.Reflection, 1, 31), Tariffs));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal(("LastDay", RuleViolationCode.PeriodTooLong), (violation.Field, violation.Code));
        Assert.Equal([30], violation.Arguments);
    }
}

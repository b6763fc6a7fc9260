using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Tests.Tariffs;

public sealed class TariffScheduleTests
{
    private static readonly Tariff Earlier = TestTariffs.Default2022 with
    {
        EffectiveFrom = new DateOnly(2021, 1, 1),
        Reflection = TestTariffs.Default2022.Reflection with { ChildSupplementPerDay = 300m },
    };

    [Fact]
    public void The_2022_defaults_break_no_rule() => Assert.Empty(TestTariffs.Default2022.Validate());

    [Fact]
    public void Each_day_has_the_tariff_whose_effective_date_is_the_latest_on_or_before_it()
    {
        // Given out of order on purpose: the schedule orders them.
        var schedule = new TariffSchedule([TestTariffs.Default2022, Earlier]);

        Assert.Equal([Earlier, TestTariffs.Default2022], schedule.Tariffs);
        Assert.Same(Earlier, schedule.InForceOn(new DateOnly(2021, 1, 1)));
        Assert.Same(Earlier, schedule.InForceOn(new DateOnly(2021, 12, 31)));
        Assert.Same(TestTariffs.Default2022, schedule.InForceOn(new DateOnly(2022, 1, 1)));
        Assert.Same(TestTariffs.Default2022, schedule.InForceOn(new DateOnly(2030, 6, 1)));
    }

    [Fact]
    public void A_day_before_the_first_tariff_has_none()
    {
        var ex = Assert.Throws<RuleViolationException>(() => TestTariffs.Schedule2022.InForceOn(new DateOnly(2021, 12, 31)));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal(RuleViolationCode.NoTariffInForce, violation.Code);
        Assert.Equal([new DateOnly(2022, 1, 1)], violation.Arguments);
        Assert.False(TestTariffs.Schedule2022.TryInForceOn(new DateOnly(2021, 12, 31), out _));
    }

    [Fact]
    public void Two_tariffs_from_the_same_day_are_refused()
    {
        var ex = Assert.Throws<RuleViolationException>(() =>
            new TariffSchedule([TestTariffs.Default2022, TestTariffs.Default2022 with { Integration = TestTariffs.Default2022.Integration with { DailyRate = 400m } }]));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal(("tariffs[1].effectiveFrom", RuleViolationCode.Duplicate), (violation.Field, violation.Code));
    }

    [Fact]
    public void An_empty_schedule_is_refused()
    {
        var ex = Assert.Throws<RuleViolationException>(() => new TariffSchedule([]));
        Assert.Equal(("tariffs", RuleViolationCode.Required), (ex.Violations[0].Field, ex.Violations[0].Code));
    }

    [Fact]
    public void Every_invalid_number_is_reported_with_its_path()
    {
        var bad = TestTariffs.Default2022 with
        {
            Reflection = TestTariffs.Default2022.Reflection with { ChildSupplementPerDay = -1m, HousingAndFoodPerDay = 600.001m, MaxDays = 367 },
            Extended = TestTariffs.Default2022.Extended with { LaterPeriodAdultFactor = 1.5m, MaxPeriods = -1 },
            Integration = TestTariffs.Default2022.Integration with { DailyRate = -500m },
            PointInterventions = new PointInterventionTariff(-1m, [new("clothes", "Kläder"), new("clothes", "Kläder igen"), new("Bad Key", " ")]),
        };

        var ex = Assert.Throws<RuleViolationException>(() => new TariffSchedule([bad]));

        Assert.Equal(
        [
            ("tariffs[0].reflection.maxDays", RuleViolationCode.OutOfRange),
            ("tariffs[0].reflection.housingAndFoodPerDay", RuleViolationCode.Invalid),
            ("tariffs[0].reflection.childSupplementPerDay", RuleViolationCode.Negative),
            ("tariffs[0].extended.maxPeriods", RuleViolationCode.OutOfRange),
            ("tariffs[0].extended.laterPeriodAdultFactor", RuleViolationCode.OutOfRange),
            ("tariffs[0].integration.dailyRate", RuleViolationCode.Negative),
            ("tariffs[0].pointInterventions.capPerOccasion", RuleViolationCode.Negative),
            ("tariffs[0].pointInterventions.categories[1].key", RuleViolationCode.Duplicate),
            ("tariffs[0].pointInterventions.categories[2].key", RuleViolationCode.Invalid),
            ("tariffs[0].pointInterventions.categories[2].name", RuleViolationCode.Required),
        ], ex.Violations.Select(v => (v.Field, v.Code)));
    }

    [Fact]
    public void A_tariff_without_categories_is_refused()
    {
        var violations = (TestTariffs.Default2022 with { PointInterventions = new PointInterventionTariff(5000m, []) }).Validate();
        Assert.Equal(("pointInterventions.categories", RuleViolationCode.Required), (violations[0].Field, violations[0].Code));
    }
}

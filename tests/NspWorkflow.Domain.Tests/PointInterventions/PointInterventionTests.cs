using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.PointInterventions;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Domain.Tests.Tariffs;

namespace NspWorkflow.Domain.Tests.PointInterventions;

public sealed class PointInterventionTests
{
    private static readonly DateOnly Day = new(2022, 3, 10);
    private static readonly TariffSchedule Tariffs = TestTariffs.Schedule2022;
    private static readonly PointIntervention Winterclothes = new("clothes", 1250m, "Vinterkläder till barnet", "kvitto-0001.pdf", Day);

    private static (string, RuleViolationCode) Single(PointIntervention intervention)
    {
        var violation = Assert.Single(intervention.Validate(Tariffs));
        return (violation.Field, violation.Code);
    }

    [Fact]
    public void A_cost_on_the_list_within_the_cap_breaks_no_rule() => Assert.Empty(Winterclothes.Validate(Tariffs));

    [Fact]
    public void The_cap_of_5000_is_allowed_and_one_ore_more_is_refused()
    {
        Assert.Empty((Winterclothes with { Amount = 5000m }).Validate(Tariffs));

        var violation = Assert.Single((Winterclothes with { Amount = 5000.01m }).Validate(Tariffs));
        Assert.Equal(("Amount", RuleViolationCode.AboveCap), (violation.Field, violation.Code));
        Assert.Equal([5000m], violation.Arguments);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void The_amount_must_be_more_than_zero(int amount) =>
        Assert.Equal(("Amount", RuleViolationCode.NotPositive), Single(Winterclothes with { Amount = amount }));

    [Fact]
    public void The_amount_is_in_whole_ore() =>
        Assert.Equal(("Amount", RuleViolationCode.Invalid), Single(Winterclothes with { Amount = 10.005m }));

    [Theory]
    [InlineData("furniture")]
    [InlineData("Clothes")]
    [InlineData("")]
    public void The_category_must_be_on_the_intervention_list(string key) =>
        Assert.Equal(("CategoryKey", RuleViolationCode.UnknownCategory), Single(Winterclothes with { CategoryKey = key }));

    [Fact]
    public void A_description_is_required() =>
        Assert.Equal(("Description", RuleViolationCode.Required), Single(Winterclothes with { Description = " " }));

    [Fact]
    public void The_receipt_can_come_later() => Assert.Empty((Winterclothes with { ReceiptReference = null }).Validate(Tariffs));

    [Fact]
    public void The_cap_is_the_one_in_force_on_the_day()
    {
        var schedule = new TariffSchedule(
        [
            TestTariffs.Default2022,
            TestTariffs.Default2022 with
            {
                EffectiveFrom = new DateOnly(2023, 1, 1),
                PointInterventions = TestTariffs.Default2022.PointInterventions with { CapPerOccasion = 6000m },
            },
        ]);

        Assert.NotEmpty((Winterclothes with { Amount = 5500m, Date = new(2022, 12, 31) }).Validate(schedule));
        Assert.Empty((Winterclothes with { Amount = 5500m, Date = new(2023, 1, 1) }).Validate(schedule));
    }

    [Fact]
    public void A_day_before_the_first_tariff_has_no_cap() =>
        Assert.Equal(("Date", RuleViolationCode.NoTariffInForce), Single(Winterclothes with { Date = new(2021, 12, 31) }));

    [Fact]
    public void A_case_refuses_a_point_intervention_above_the_cap_and_keeps_nothing()
    {
        var periods = new CasePeriods();

        var ex = Assert.Throws<RuleViolationException>(() => periods.AddPointIntervention(Winterclothes with { Amount = 5000.01m }, Tariffs));

        Assert.Equal(RuleViolationCode.AboveCap, Assert.Single(ex.Violations).Code);
        Assert.Empty(periods.PointInterventions);
        Assert.DoesNotContain("Vinterkläder", ex.Message);
    }

    [Fact]
    public void Point_interventions_stay_possible_after_mmm()
    {
        var periods = new CasePeriods();
        periods.StartReflection(new DateOnly(2022, 3, 1), new PeriodTerms(), Tariffs);
        periods.ApplyPoliceReport(new DateOnly(2022, 3, 5), true, Tariffs);

        periods.AddPointIntervention(Winterclothes, Tariffs);

        Assert.Equal(CaseOutcome.Mmm, periods.Outcome);
        Assert.Equal([Winterclothes], periods.PointInterventions);
    }
}

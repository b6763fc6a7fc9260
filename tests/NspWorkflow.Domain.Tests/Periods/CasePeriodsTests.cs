using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Domain.Tests.Tariffs;

namespace NspWorkflow.Domain.Tests.Periods;

public sealed class CasePeriodsTests
{
    private static readonly DateOnly Day1 = new(2022, 3, 1);
    private static readonly TariffSchedule Tariffs = TestTariffs.Schedule2022;
    private static readonly PeriodTerms NoChildren = new();
    private static readonly PeriodTerms Assessed = new(NeedsAssessmentReference: "FB-2022-07");

    private static decimal Paid(SupportPeriod period) => PeriodAmount.Calculate(period, Tariffs).Total;

    private static RuleViolation Refused(CasePeriods periods, Action change)
    {
        var before = (periods.Periods.ToList(), periods.PoliceReports.ToList(), periods.Outcome);
        var ex = Assert.Throws<RuleViolationException>(change);
        // Nothing changed.
        Assert.Equal(before.Item1, periods.Periods);
        Assert.Equal(before.Item2, periods.PoliceReports);
        Assert.Equal(before.Outcome, periods.Outcome);
        return Assert.Single(ex.Violations);
    }

    [Fact]
    public void One_child_and_mmm_granted_on_day_12_pays_12_days_of_1700()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, new PeriodTerms(AccompanyingChildrenInSweden: 1), Tariffs);

        periods.ApplyPoliceReport(Day1.AddDays(11), mmmGranted: true, Tariffs);

        var reflection = Assert.Single(periods.Periods);
        Assert.Equal((Day1, Day1.AddDays(11), 12), (reflection.FirstDay, reflection.LastDay, reflection.Days));
        Assert.Equal(12 * 1700m, Paid(reflection));
        Assert.Equal(20_400m, Paid(reflection));
        Assert.Equal(CaseOutcome.Mmm, periods.Outcome);
        Assert.Equal([new PoliceReport(Day1.AddDays(11), true)], periods.PoliceReports);
    }

    [Fact]
    public void A_case_without_children_runs_reflection_three_extended_periods_and_integration()
    {
        var periods = new CasePeriods();

        var reflection = periods.StartReflection(Day1, NoChildren, Tariffs);
        var first = periods.StartExtended(NoChildren, Tariffs);
        var second = periods.StartExtended(NoChildren, Tariffs);
        var third = periods.StartExtended(NoChildren, Tariffs);
        var fourth = Refused(periods, () => periods.StartExtended(NoChildren, Tariffs));
        var integration = periods.StartIntegration(Assessed, Tariffs);

        Assert.Equal((Day1, Day1.AddDays(29)), (reflection.FirstDay, reflection.LastDay));
        Assert.Equal(reflection.LastDay.AddDays(1), first.FirstDay);
        Assert.Equal(first.LastDay.AddDays(1), second.FirstDay);
        Assert.Equal(third.LastDay.AddDays(1), integration.FirstDay);
        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(p => p.Number));
        Assert.Equal(
            [30 * 1200m, 90 * 1200m, 90 * 600m, 90 * 600m, 45 * 500m],
            periods.Periods.Select(Paid));
        Assert.Equal([36_000m, 108_000m, 54_000m, 54_000m, 22_500m], periods.Periods.Select(Paid));
        Assert.Equal(("Periods[4].Number", RuleViolationCode.TooManyExtendedPeriods), (fourth.Field, fourth.Code));
        Assert.Equal([3], fourth.Arguments);
        Assert.Equal(CaseOutcome.Open, periods.Outcome);
    }

    [Fact]
    public void A_shorter_period_can_be_asked_for_but_not_a_longer_one()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs, days: 20);

        var violation = Refused(periods, () => periods.StartExtended(NoChildren, Tariffs, days: 91));

        Assert.Equal(20, periods.Periods[0].Days);
        Assert.Equal(("Periods[1].LastDay", RuleViolationCode.PeriodTooLong), (violation.Field, violation.Code));
    }

    [Fact]
    public void A_second_reflection_is_out_of_order()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);

        var violation = Refused(periods, () => periods.StartReflection(Day1.AddDays(30), NoChildren, Tariffs));

        Assert.Equal(("Periods[1].Kind", RuleViolationCode.OutOfOrder), (violation.Field, violation.Code));
    }

    [Fact]
    public void Extended_support_needs_a_reflection_before_it()
    {
        var periods = new CasePeriods();
        Assert.Equal(RuleViolationCode.OutOfOrder, Refused(periods, () => periods.StartExtended(NoChildren, Tariffs)).Code);
    }

    [Fact]
    public void Nothing_follows_integration()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);
        periods.StartIntegration(Assessed, Tariffs);

        var violation = Refused(periods, () => periods.StartExtended(NoChildren, Tariffs));

        Assert.Equal(("Periods[2].Kind", RuleViolationCode.OutOfOrder), (violation.Field, violation.Code));
    }

    [Fact]
    public void Integration_without_a_needs_assessment_is_refused()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);

        var violation = Refused(periods, () => periods.StartIntegration(NoChildren, Tariffs));

        Assert.Equal(("Periods[1].Terms.NeedsAssessmentReference", RuleViolationCode.NeedsAssessmentRequired), (violation.Field, violation.Code));
    }

    [Fact]
    public void A_reflection_before_the_first_tariff_is_refused()
    {
        var periods = new CasePeriods();
        var violation = Refused(periods, () => periods.StartReflection(new DateOnly(2021, 12, 31), NoChildren, Tariffs));
        Assert.Equal(("Periods[0].FirstDay", RuleViolationCode.NoTariffInForce), (violation.Field, violation.Code));
    }

    [Fact]
    public void A_police_report_without_mmm_is_recorded_and_the_reflection_runs_on()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);

        periods.ApplyPoliceReport(Day1.AddDays(4), mmmGranted: false, Tariffs);

        Assert.Equal(Day1.AddDays(29), periods.Periods[0].LastDay);
        Assert.Equal(CaseOutcome.Open, periods.Outcome);
        Assert.Equal([new PoliceReport(Day1.AddDays(4), false)], periods.PoliceReports);
        periods.StartExtended(NoChildren, Tariffs);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(30)]
    public void A_police_report_outside_the_reflection_is_refused(int offset)
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);

        var violation = Refused(periods, () => periods.ApplyPoliceReport(Day1.AddDays(offset), true, Tariffs));

        Assert.Equal(("date", RuleViolationCode.OutsidePeriod), (violation.Field, violation.Code));
    }

    [Fact]
    public void A_police_report_on_the_first_and_last_day_is_within_the_reflection()
    {
        var onFirst = new CasePeriods();
        onFirst.StartReflection(Day1, NoChildren, Tariffs);
        onFirst.ApplyPoliceReport(Day1, true, Tariffs);
        Assert.Equal(1, onFirst.Periods[0].Days);

        var onLast = new CasePeriods();
        onLast.StartReflection(Day1, NoChildren, Tariffs);
        onLast.ApplyPoliceReport(Day1.AddDays(29), true, Tariffs);
        Assert.Equal(30, onLast.Periods[0].Days);
    }

    [Fact]
    public void A_police_report_without_a_reflection_is_refused()
    {
        var periods = new CasePeriods();
        Assert.Equal(RuleViolationCode.OutsidePeriod, Refused(periods, () => periods.ApplyPoliceReport(Day1, false, Tariffs)).Code);
    }

    [Fact]
    public void After_mmm_no_daily_period_follows()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);
        periods.ApplyPoliceReport(Day1.AddDays(11), true, Tariffs);

        var violation = Refused(periods, () => periods.StartExtended(NoChildren, Tariffs));

        Assert.Equal(("Periods[1].FirstDay", RuleViolationCode.DailyFundingEnded), (violation.Field, violation.Code));
    }

    [Fact]
    public void A_second_granted_report_is_refused()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);
        periods.ApplyPoliceReport(Day1.AddDays(11), true, Tariffs);

        var violation = Refused(periods, () => periods.ApplyPoliceReport(Day1.AddDays(5), true, Tariffs));

        Assert.Equal(("mmmGranted", RuleViolationCode.Duplicate), (violation.Field, violation.Code));
    }

    [Fact]
    public void Mmm_granted_on_day_28_after_extended_support_was_approved_ends_the_reflection_and_cancels_the_period_not_begun()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);
        periods.StartExtended(NoChildren, Tariffs);

        periods.ApplyPoliceReport(Day1.AddDays(27), true, Tariffs);

        // 28 days of the reflection at 600 + 600 kr; the 90 days approved are released.
        var reflection = Assert.Single(periods.Periods);
        Assert.Equal((Day1.AddDays(27), 28), (reflection.LastDay, reflection.Days));
        Assert.Equal(28 * 1200m, Paid(reflection));
        Assert.Equal(CaseOutcome.Mmm, periods.Outcome);
    }

    [Fact]
    public void Mmm_granted_during_extended_support_ends_its_funding_that_day_and_a_report_without_mmm_lets_it_run()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);
        periods.StartExtended(new PeriodTerms(AccompanyingChildrenInSweden: 1), Tariffs);
        periods.StartExtended(NoChildren, Tariffs);
        var secondFirst = Day1.AddDays(120);

        periods.ApplyPoliceReport(secondFirst.AddDays(4), false, Tariffs);
        Assert.Equal(90, periods.Periods[2].Days);

        periods.ApplyPoliceReport(secondFirst.AddDays(9), true, Tariffs);

        // The second extended period pays 10 days at half the adult rate: 10 × (300 + 300) kr.
        Assert.Equal((secondFirst, secondFirst.AddDays(9), 10), (periods.Periods[2].FirstDay, periods.Periods[2].LastDay, periods.Periods[2].Days));
        Assert.Equal(6_000m, Paid(periods.Periods[2]));
        Assert.Equal(90 * (1200m + 500m), Paid(periods.Periods[1]));
        Assert.Equal(CaseOutcome.Mmm, periods.Outcome);
        Assert.Equal(2, periods.PoliceReports.Count);
    }

    [Fact]
    public void A_police_report_during_integration_is_refused()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);
        periods.StartIntegration(Assessed, Tariffs);

        var violation = Refused(periods, () => periods.ApplyPoliceReport(Day1.AddDays(35), true, Tariffs));

        Assert.Equal(("date", RuleViolationCode.OutsidePeriod), (violation.Field, violation.Code));
    }

    [Fact]
    public void The_next_period_may_be_asked_for_in_the_running_periods_last_14_days_and_not_before_the_last_approved_one_begins()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);
        // Days 1..30: the window opens on day 17, 14 days before the end.
        Assert.Equal(Day1.AddDays(16), periods.ApplicationOpensOn(Tariffs));

        periods.StartExtended(NoChildren, Tariffs);
        // The extended period (days 31..120) has not begun: nothing more before its own last 14 days.
        Assert.Equal(Day1.AddDays(106), periods.ApplicationOpensOn(Tariffs));

        var shortOne = new CasePeriods();
        shortOne.StartReflection(Day1, NoChildren, Tariffs, days: 5);
        // A period shorter than the window: from its first day.
        Assert.Equal(Day1, shortOne.ApplicationOpensOn(Tariffs));
    }

    [Fact]
    public void Restore_refuses_overlapping_periods()
    {
        var reflection = new SupportPeriod(PeriodKind.Reflection, 1, Day1, Day1.AddDays(29), NoChildren);
        var extended = new SupportPeriod(PeriodKind.Extended, 1, Day1.AddDays(29), Day1.AddDays(100), NoChildren);

        var ex = Assert.Throws<RuleViolationException>(() => CasePeriods.Restore([reflection, extended], [], [], Tariffs));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal(("Periods[1].FirstDay", RuleViolationCode.PeriodsOverlap), (violation.Field, violation.Code));
    }

    [Fact]
    public void Restore_refuses_a_gap_between_periods()
    {
        var reflection = new SupportPeriod(PeriodKind.Reflection, 1, Day1, Day1.AddDays(29), NoChildren);
        var extended = new SupportPeriod(PeriodKind.Extended, 1, Day1.AddDays(31), Day1.AddDays(100), NoChildren);

        var ex = Assert.Throws<RuleViolationException>(() => CasePeriods.Restore([reflection, extended], [], [], Tariffs));

        Assert.Equal(("Periods[1].FirstDay", RuleViolationCode.PeriodsNotContiguous), (ex.Violations[0].Field, ex.Violations[0].Code));
    }

    [Fact]
    public void Restore_refuses_wrong_numbering_and_mmm_that_did_not_end_the_reflection()
    {
        var reflection = new SupportPeriod(PeriodKind.Reflection, 1, Day1, Day1.AddDays(29), NoChildren);
        var extended = new SupportPeriod(PeriodKind.Extended, 2, Day1.AddDays(30), Day1.AddDays(119), NoChildren);

        var ex = Assert.Throws<RuleViolationException>(() => CasePeriods.Restore([reflection, extended], [new(Day1.AddDays(3), true)], [], Tariffs));

        Assert.Equal(
        [
            ("Periods[1].Number", RuleViolationCode.Invalid),
            ("Periods[0].LastDay", RuleViolationCode.DailyFundingEnded),
            ("Periods[1].FirstDay", RuleViolationCode.DailyFundingEnded),
        ], ex.Violations.Select(v => (v.Field, v.Code)));
    }

    [Fact]
    public void Restore_keeps_a_valid_history()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, NoChildren, Tariffs);
        periods.ApplyPoliceReport(Day1.AddDays(2), false, Tariffs);
        periods.StartExtended(NoChildren, Tariffs);

        var restored = CasePeriods.Restore(periods.Periods, periods.PoliceReports, periods.PointInterventions, Tariffs);

        Assert.Equal(periods.Periods, restored.Periods);
        Assert.Equal(periods.PoliceReports, restored.PoliceReports);
    }

    [Fact]
    public void Violation_messages_carry_no_case_data()
    {
        var periods = new CasePeriods();
        periods.StartReflection(Day1, new PeriodTerms(NeedsAssessmentReference: "FB-secret-ref"), Tariffs);

        var ex = Assert.Throws<RuleViolationException>(() => periods.ApplyPoliceReport(Day1.AddDays(40), true, Tariffs));

        Assert.DoesNotContain("2022", ex.Message);
        Assert.DoesNotContain("secret", ex.Message);
    }
}

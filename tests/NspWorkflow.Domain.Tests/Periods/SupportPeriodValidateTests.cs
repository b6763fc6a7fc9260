using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tests.Tariffs;

namespace NspWorkflow.Domain.Tests.Periods;

public sealed class SupportPeriodValidateTests
{
    private static readonly SupportPeriod Reflection = new(PeriodKind.Reflection, 1, new(2022, 3, 1), new(2022, 3, 30), new());

    private static RuleViolation Single(SupportPeriod period) => Assert.Single(period.Validate(TestTariffs.Schedule2022));

    [Fact]
    public void A_reflection_of_30_days_breaks_no_rule() => Assert.Empty(Reflection.Validate(TestTariffs.Schedule2022));

    [Fact]
    public void The_last_day_before_the_first_is_invalid() =>
        Assert.Equal(("LastDay", RuleViolationCode.Invalid), Pair(Single(Reflection with { LastDay = new(2022, 2, 28) })));

    [Fact]
    public void The_number_starts_at_1() =>
        Assert.Equal(("Number", RuleViolationCode.NotPositive), Pair(Single(Reflection with { Number = 0 })));

    [Fact]
    public void The_public_cannot_pay_both_parts() =>
        Assert.Equal(("Terms.PublicPaysProtection", RuleViolationCode.PublicPaysBoth),
            Pair(Single(Reflection with { Terms = new(PublicPaysHousing: true, PublicPaysProtection: true) })));

    [Fact]
    public void Children_cannot_be_negative() =>
        Assert.Equal(("Terms.AccompanyingChildrenInSweden", RuleViolationCode.OutOfRange),
            Pair(Single(Reflection with { Terms = new(AccompanyingChildrenInSweden: -1) })));

    [Fact]
    public void Integration_needs_a_comprehensive_needs_assessment() =>
        Assert.Equal(("Terms.NeedsAssessmentReference", RuleViolationCode.NeedsAssessmentRequired),
            Pair(Single(Reflection with { Kind = PeriodKind.Integration, LastDay = new(2022, 3, 10), Terms = new(NeedsAssessmentReference: " ") })));

    [Fact]
    public void Integration_is_one_rate_so_the_public_pays_flags_do_not_apply() =>
        Assert.Equal(("Terms.PublicPaysHousing", RuleViolationCode.Invalid),
            Pair(Single(Reflection with { Kind = PeriodKind.Integration, LastDay = new(2022, 3, 10), Terms = new(PublicPaysHousing: true, NeedsAssessmentReference: "FB-1") })));

    [Fact]
    public void A_fourth_extended_period_is_too_many()
    {
        var violation = Single(Reflection with { Kind = PeriodKind.Extended, Number = 4 });
        Assert.Equal(("Number", RuleViolationCode.TooManyExtendedPeriods), Pair(violation));
        Assert.Equal([3], violation.Arguments);
    }

    [Theory]
    [InlineData(PeriodKind.Extended, 90)]
    [InlineData(PeriodKind.Integration, 45)]
    public void Each_kind_has_its_maximum(PeriodKind kind, int max)
    {
        var terms = new PeriodTerms(NeedsAssessmentReference: "FB-1");
        var first = new DateOnly(2022, 3, 1);
        Assert.Empty(new SupportPeriod(kind, 1, first, first.AddDays(max - 1), terms).Validate(TestTariffs.Schedule2022));

        var violation = Single(new SupportPeriod(kind, 1, first, first.AddDays(max), terms));
        Assert.Equal(("LastDay", RuleViolationCode.PeriodTooLong), Pair(violation));
        Assert.Equal([max], violation.Arguments);
    }

    private static (string, RuleViolationCode) Pair(RuleViolation v) => (v.Field, v.Code);
}

using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Domain.Tests.Tariffs;

namespace NspWorkflow.Domain.Tests.Invoicing;

/// <summary>
/// The lines of a month's invoice basis, with every sum worked out by hand from the 2022 tariff: reflection and the first
/// extended period 600 + 600 a day, later extended periods half the adult rate, 500 a child, 200 the motivated supplement.
/// </summary>
public sealed class InvoiceBasisBuilderTests
{
    private static readonly InvoiceMonth March = new(2022, 3);
    private static readonly InvoiceMonth April = new(2022, 4);
    private static readonly TariffSchedule Tariffs = TestTariffs.Schedule2022;
    private static readonly IReadOnlySet<InvoiceMonth> NothingInvoiced = new HashSet<InvoiceMonth>();

    private static InvoiceCase Case(params SupportPeriod[] periods) => new(Guid.NewGuid(), "NSP-2022-0001", periods, []);

    private static SupportPeriod Reflection(DateOnly first, int days, PeriodTerms? terms = null, IReadOnlyList<TermsChange>? changes = null) =>
        new(PeriodKind.Reflection, 1, first, first.AddDays(days - 1), terms ?? new PeriodTerms(), changes);

    [Fact]
    public void A_month_across_a_tariff_change_on_the_15th_has_a_line_at_each_rate()
    {
        var raised = TestTariffs.Default2022 with
        {
            EffectiveFrom = new DateOnly(2022, 3, 15),
            Reflection = TestTariffs.Default2022.Reflection with { HousingAndFoodPerDay = 700m, ProtectionAndSupportPerDay = 700m },
        };
        var tariffs = new TariffSchedule([TestTariffs.Default2022, raised]);

        var lines = InvoiceBasisBuilder.Lines(Case(Reflection(new(2022, 3, 1), 30)), March, NothingInvoiced, [], tariffs);

        Assert.Collection(lines,
            l => Assert.Equal((new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 14), 14, 14 * 1200m), (l.FirstDay, l.LastDay, l.Days, l.Total)),
            l => Assert.Equal((new DateOnly(2022, 3, 15), new DateOnly(2022, 3, 30), 16, 16 * 1400m), (l.FirstDay, l.LastDay, l.Days, l.Total)));
        Assert.Equal(16_800m + 22_400m, lines.Sum(l => l.Total));
        Assert.All(lines, l => Assert.False(l.IsCorrection));
    }

    [Fact]
    public void A_period_crossing_two_months_is_invoiced_in_each_for_its_own_days()
    {
        var @case = Case(Reflection(new(2022, 3, 20), 30));

        var march = InvoiceBasisBuilder.Lines(@case, March, NothingInvoiced, [], Tariffs);
        var april = InvoiceBasisBuilder.Lines(@case, April, new HashSet<InvoiceMonth> { March }, march, Tariffs);

        var inMarch = Assert.Single(march);
        Assert.Equal((12, new DateOnly(2022, 3, 31), 14_400m), (inMarch.Days, inMarch.LastDay, inMarch.Total));
        var inApril = Assert.Single(april);
        Assert.Equal((18, new DateOnly(2022, 4, 1), new DateOnly(2022, 4, 18), 21_600m), (inApril.Days, inApril.FirstDay, inApril.LastDay, inApril.Total));
        Assert.False(inApril.IsCorrection);
    }

    [Fact]
    public void A_reduced_rate_renewal_with_two_children_pays_half_the_adult_rate_and_both_supplements()
    {
        var renewal = new SupportPeriod(PeriodKind.Extended, 2, new(2022, 4, 1), new(2022, 6, 29), new PeriodTerms(AccompanyingChildrenInSweden: 2));

        var line = Assert.Single(InvoiceBasisBuilder.Lines(Case(renewal), April, NothingInvoiced, [], Tariffs));

        Assert.True(line.ReducedRate);
        Assert.Equal(new PeriodAmount(300m, 300m, 0m, 1_000m, 0m), line.Daily);
        Assert.Equal((30, 30 * (300m + 300m + 2 * 500m)), (line.Days, line.Total));
        Assert.Equal(48_000m, line.Total);
    }

    [Fact]
    public void When_the_public_pays_housing_from_the_10th_the_days_from_then_pay_protection_and_support_only()
    {
        var period = Reflection(new(2022, 3, 1), 30, changes: [new TermsChange(new(2022, 3, 10), new PeriodTerms(PublicPaysHousing: true))]);

        var lines = InvoiceBasisBuilder.Lines(Case(period), March, NothingInvoiced, [], Tariffs);

        Assert.Collection(lines,
            l => Assert.Equal((9, new PeriodAmount(600m, 600m, 0m, 0m, 0m), 10_800m), (l.Days, l.Daily, l.Total)),
            l => Assert.Equal((21, new PeriodAmount(0m, 600m, 0m, 0m, 0m), 12_600m), (l.Days, l.Daily, l.Total)));
    }

    [Fact]
    public void A_motivated_supplement_approved_from_the_16th_is_paid_from_that_day()
    {
        var period = Reflection(new(2022, 3, 1), 30, changes: [new TermsChange(new(2022, 3, 16), new PeriodTerms(MotivatedSupplementApproved: true))]);

        var lines = InvoiceBasisBuilder.Lines(Case(period), March, NothingInvoiced, [], Tariffs);

        Assert.Collection(lines,
            l => Assert.Equal((15, 0m, 18_000m), (l.Days, l.Daily.MotivatedSupplement, l.Total)),
            l => Assert.Equal((15, 200m, 15 * 1400m), (l.Days, l.Daily.MotivatedSupplement, l.Total)));
    }

    [Fact]
    public void Building_the_next_month_when_nothing_changed_corrects_nothing()
    {
        var @case = Case(Reflection(new(2022, 3, 1), 30));
        var march = InvoiceBasisBuilder.Lines(@case, March, NothingInvoiced, [], Tariffs);

        var april = InvoiceBasisBuilder.Lines(@case, April, new HashSet<InvoiceMonth> { March }, march, Tariffs);

        Assert.Empty(april);
    }

    [Fact]
    public void A_day_approved_late_for_a_month_already_invoiced_is_a_correction_line_naming_that_month()
    {
        var reflection = Reflection(new(2022, 3, 1), 30);
        var march = InvoiceBasisBuilder.Lines(Case(reflection), March, NothingInvoiced, [], Tariffs);
        // The extended period from 31 March was approved in April, after March was invoiced.
        var extended = new SupportPeriod(PeriodKind.Extended, 1, new(2022, 3, 31), new(2022, 6, 28), new PeriodTerms());
        var @case = Case(reflection, extended) with { CaseId = march[0].CaseId };

        var april = InvoiceBasisBuilder.Lines(@case, April, new HashSet<InvoiceMonth> { March }, march, Tariffs);

        var correction = Assert.Single(april, l => l.IsCorrection);
        Assert.Equal((March, PeriodKind.Extended, 1, new DateOnly(2022, 3, 31), 1, 1_200m),
            (correction.Covers, correction.PeriodKind, correction.Days, correction.FirstDay, correction.PeriodNumber, correction.Total));
        var ordinary = Assert.Single(april, l => !l.IsCorrection);
        Assert.Equal((April, 30, 36_000m), (ordinary.Covers, ordinary.Days, ordinary.Total));
    }

    [Fact]
    public void A_period_shortened_by_a_police_report_with_MMM_after_invoicing_gives_a_negative_correction()
    {
        var reflection = Reflection(new(2022, 3, 10), 30);
        var march = InvoiceBasisBuilder.Lines(Case(reflection), March, NothingInvoiced, [], Tariffs);
        Assert.Equal(22 * 1200m, Assert.Single(march).Total);

        // MMM granted: the reflection ends on 20 March.
        var shortened = Case(reflection.EndingOn(new DateOnly(2022, 3, 20))) with { CaseId = march[0].CaseId };
        var april = InvoiceBasisBuilder.Lines(shortened, April, new HashSet<InvoiceMonth> { March }, march, Tariffs);

        var correction = Assert.Single(april);
        Assert.True(correction.IsCorrection);
        Assert.Equal((March, new DateOnly(2022, 3, 21), new DateOnly(2022, 3, 31), -11, -13_200m),
            (correction.Covers, correction.FirstDay, correction.LastDay, correction.Days, correction.Total));

        // Once the correction is invoiced too, May has nothing more to correct.
        var may = InvoiceBasisBuilder.Lines(shortened, new InvoiceMonth(2022, 5), new HashSet<InvoiceMonth> { March, April }, [.. march, .. april], Tariffs);
        Assert.Empty(may);
    }

    [Fact]
    public void An_approved_point_intervention_of_the_month_is_a_line_with_its_receipt_and_one_approved_late_a_correction()
    {
        var phone = new ApprovedPointIntervention(Guid.NewGuid(), "phone", 1_499.50m, new DateOnly(2022, 3, 5), "receipts/abc.pdf");
        var lawyer = new ApprovedPointIntervention(Guid.NewGuid(), "lawyer", 4_000m, new DateOnly(2022, 3, 28), null);
        var inMarch = new InvoiceCase(Guid.NewGuid(), "NSP-2022-0002", [], [phone]);

        var march = InvoiceBasisBuilder.Lines(inMarch, March, NothingInvoiced, [], Tariffs);
        var april = InvoiceBasisBuilder.Lines(inMarch with { PointInterventions = [phone, lawyer] }, April, new HashSet<InvoiceMonth> { March }, march, Tariffs);

        var line = Assert.Single(march);
        Assert.Equal((InvoiceLineKind.PointIntervention, "phone", 1_499.50m, "receipts/abc.pdf"), (line.Kind, line.CategoryKey, line.Total, line.ReceiptReference));
        var late = Assert.Single(april);
        Assert.Equal((true, March, "lawyer", 4_000m), (late.IsCorrection, late.Covers, late.CategoryKey, late.Total));
    }

    [Fact]
    public void Every_line_of_a_basis_has_a_key_of_its_own()
    {
        var period = Reflection(new(2022, 3, 1), 30, changes: [new TermsChange(new(2022, 3, 10), new PeriodTerms(PublicPaysHousing: true))]);

        var lines = InvoiceBasisBuilder.Lines(Case(period), March, NothingInvoiced, [], Tariffs);

        Assert.Equal(lines.Count, lines.Select(l => l.Key).Distinct().Count());
        Assert.Equal("2022-03/o/Reflection-1/2022-03-10", lines[1].Key);
    }

    [Theory]
    [InlineData("2022-03", true)]
    [InlineData("2022-13", false)]
    [InlineData("1999-12", false)]
    [InlineData("mars", false)]
    [InlineData("", false)]
    public void A_month_is_read_as_year_and_month(string text, bool valid) =>
        Assert.Equal(valid, InvoiceMonth.TryParse(text, out _));
}

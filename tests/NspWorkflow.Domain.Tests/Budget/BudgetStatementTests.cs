using NspWorkflow.Domain.Budget;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tests.Tariffs;

namespace NspWorkflow.Domain.Tests.Budget;

/// <summary>
/// The budget of 2022 with the 2021 report's two funders (600 000 of which 450 000 direct support; 2 036 934 of which
/// 1 830 000), the first paying from January and the second from July; sums by hand at 600 + 600 kr a day.
/// </summary>
public sealed class BudgetStatementTests
{
    private static readonly Grant First = new("Jämställdhetsmyndigheten", 2022, 600_000m, 450_000m);
    private static readonly Grant Second = new("Länsstyrelsen", 2022, 2_036_934m, 1_830_000m);
    private static readonly FunderRules Rules = new([new(new InvoiceMonth(2022, 1), First.Funder), new(new InvoiceMonth(2022, 7), Second.Funder)]);
    private static readonly InvoiceMonth March = new(2022, 3);

    private static BudgetStatement Compute(Dictionary<InvoiceMonth, decimal> approved, Dictionary<InvoiceMonth, decimal>? spent = null,
        IReadOnlyList<RenewalCandidate>? running = null, int renewed = 0, int renewable = 0) =>
        BudgetStatement.Compute(2022, [First, Second], Rules, approved, spent ?? [], running ?? [], renewed, renewable);

    private static Dictionary<InvoiceMonth, decimal> Months(InvoiceCase @case) =>
        CommitmentLedger.Months(@case, TestTariffs.Schedule2022).GroupBy(m => m.Month).ToDictionary(g => g.Key, g => g.Sum(m => m.Amount));

    private static InvoiceCase Reflection(int days) =>
        new(Guid.NewGuid(), "NSP-2022-0001", [new SupportPeriod(PeriodKind.Reflection, 1, new(2022, 3, 1), new DateOnly(2022, 3, 1).AddDays(days - 1), new())], []);

    [Fact]
    public void Approving_a_period_commits_its_cost_to_the_funder_of_its_months()
    {
        var budget = Compute(Months(Reflection(30)));

        var first = budget.Funders.Single(f => f.Funder == First.Funder);
        Assert.Equal((600_000m, 450_000m, 36_000m, 0m, 450_000m - 36_000m), (first.Granted, first.DirectSupport, first.Committed, first.Spent, first.Left));
        var second = budget.Funders.Single(f => f.Funder == Second.Funder);
        Assert.Equal((0m, 1_830_000m), (second.Committed, second.Left));
        Assert.Equal((2_636_934m, 2_280_000m, 36_000m, 2_244_000m), (budget.Total.Granted, budget.Total.DirectSupport, budget.Total.Committed, budget.Total.Left));
    }

    [Fact]
    public void An_attested_invoice_turns_commitment_into_spending()
    {
        var budget = Compute(Months(Reflection(30)), spent: new() { [March] = 36_000m });

        var first = budget.Funders.Single(f => f.Funder == First.Funder);
        Assert.Equal((0m, 36_000m, 414_000m), (first.Committed, first.Spent, first.Left));
    }

    [Fact]
    public void A_shortened_period_releases_the_commitment_of_the_days_it_lost()
    {
        var before = Compute(Months(Reflection(30))).Funders.Single(f => f.Funder == First.Funder);
        var after = Compute(Months(Reflection(20))).Funders.Single(f => f.Funder == First.Funder);

        Assert.Equal(36_000m - 24_000m, before.Committed - after.Committed);
        Assert.Equal(450_000m - 24_000m, after.Left);
    }

    [Fact]
    public void The_forecast_adds_the_renewals_expected_from_the_share_of_past_periods_renewed()
    {
        var outlook = Assert.Single(CommitmentLedger.Outlook(Reflection(30), TestTariffs.Schedule2022));
        Assert.Equal((false, true, 1_200m, 90), (outlook.Renewed, outlook.Renewable, outlook.RenewalDaily, outlook.RenewalDays));

        // One of two past periods that could be renewed was: half of the next 90 days at 1 200 kr, all before July.
        var budget = Compute(Months(Reflection(30)), running: [new(outlook.LastDay, outlook.RenewalDaily, outlook.RenewalDays)], renewed: 1, renewable: 2);

        Assert.Equal(0.5m, budget.RenewalShare);
        var first = budget.Funders.Single(f => f.Funder == First.Funder);
        Assert.Equal((0.5m * 90 * 1_200m, 36_000m + 54_000m), (first.ExpectedRenewals, first.Forecast));
    }

    [Fact]
    public void A_renewal_crossing_july_is_forecast_for_each_funder_by_its_days()
    {
        var budget = Compute([], running: [new(new DateOnly(2022, 6, 15), 1_200m, 90)], renewed: 1, renewable: 1);

        // 16–30 June is the first funder's (15 days), 1 July – 13 September the second's (31 + 31 + 13 = 75 days).
        Assert.Equal(15 * 1_200m, budget.Funders.Single(f => f.Funder == First.Funder).Forecast);
        Assert.Equal(75 * 1_200m, budget.Funders.Single(f => f.Funder == Second.Funder).Forecast);
    }

    [Fact]
    public void Approving_beyond_what_is_left_is_an_overrun_of_that_funder_only()
    {
        var budget = Compute(Months(Reflection(30)));

        var overruns = budget.Overruns(new Dictionary<InvoiceMonth, decimal> { [new(2022, 4)] = 500_000m, [new(2022, 8)] = 100_000m }, Rules);

        var overrun = Assert.Single(overruns);
        Assert.Equal((First.Funder, 500_000m, 414_000m), (overrun.Funder, overrun.Cost, overrun.Left));
    }

    [Fact]
    public void Days_in_a_month_without_a_funder_rule_are_shown_as_without_funder()
    {
        var budget = BudgetStatement.Compute(2022, [First], new FunderRules([new(new InvoiceMonth(2022, 6), First.Funder)]),
            Months(Reflection(30)), new Dictionary<InvoiceMonth, decimal>(), [], 0, 0);

        var none = budget.Funders.Single(f => f.Funder is null);
        Assert.Equal((36_000m, 0m, -36_000m), (none.Committed, none.DirectSupport, none.Left));
        // Without a funder there is no budget to overrun: nothing to confirm.
        Assert.Empty(budget.Overruns(new Dictionary<InvoiceMonth, decimal> { [March] = 1_000m }, new FunderRules([new(new InvoiceMonth(2022, 6), First.Funder)])));
    }

    [Theory]
    [InlineData("", 2022, 10, 5, "funder")]
    [InlineData("F", 1999, 10, 5, "year")]
    [InlineData("F", 2022, 10, 11, "directSupport")]
    [InlineData("F", 2022, -1, 0, "amount")]
    public void A_grant_names_the_field_it_breaks(string funder, int year, decimal amount, decimal direct, string field) =>
        Assert.Contains(new Grant(funder, year, amount, direct).Validate(), v => v.Field == field);
}

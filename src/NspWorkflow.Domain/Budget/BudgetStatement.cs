using NspWorkflow.Domain.Invoicing;

namespace NspWorkflow.Domain.Budget;

/// <summary>
/// One funder's year (or the year in all, <see cref="Funder"/> null for days in months no rule gives a funder): granted and
/// earmarked for direct support; committed (approved, not yet attested), spent (attested), left (direct support minus
/// both) and the forecast to the year's end (all approved days plus the expected renewals).
/// </summary>
public sealed record FunderBudget(string? Funder, decimal Granted, decimal DirectSupport, decimal Committed, decimal Spent, decimal Left,
    decimal Forecast, decimal ExpectedRenewals);

/// <summary>A running period that may be renewed: the day after its last day a renewal would start, at this daily amount for this many days.</summary>
public sealed record RenewalCandidate(DateOnly LastDay, decimal Daily, int Days);

/// <summary>
/// The budget of a year per funder and in all. Approved days commit money; an attested invoice line turns it into spending;
/// a shortened period approves fewer days and so releases its commitment. The forecast adds to the approved days the
/// renewals expected of the running periods: each renewable period's next extended period (its days within the year) times
/// <see cref="RenewalShare"/>, the share of past periods that could be renewed and were.
/// </summary>
public sealed record BudgetStatement(int Year, IReadOnlyList<FunderBudget> Funders, FunderBudget Total, decimal RenewalShare, int RenewalSample)
{
    /// <param name="approvedByMonth">What the cases are approved for, by month (periods and point interventions).</param>
    /// <param name="spentByMonth">The attested invoice lines' sums, by the month they cover.</param>
    /// <param name="running">The running periods that may be renewed.</param>
    /// <param name="renewed">How many of the past periods that could be renewed were.</param>
    /// <param name="renewable">How many past periods could be renewed.</param>
    public static BudgetStatement Compute(int year, IReadOnlyList<Grant> grants, FunderRules rules,
        IReadOnlyDictionary<InvoiceMonth, decimal> approvedByMonth, IReadOnlyDictionary<InvoiceMonth, decimal> spentByMonth,
        IReadOnlyList<RenewalCandidate> running, int renewed, int renewable)
    {
        var share = renewable == 0 ? 0m : decimal.Round((decimal)renewed / renewable, 4);
        var months = Enumerable.Range(1, 12).Select(m => new InvoiceMonth(year, m)).ToList();
        var renewalsByMonth = new Dictionary<InvoiceMonth, decimal>();
        var yearEnd = new DateOnly(year, 12, 31);
        foreach (var candidate in running)
        {
            for (var day = candidate.LastDay.AddDays(1); day <= candidate.LastDay.AddDays(candidate.Days) && day <= yearEnd; day = day.AddDays(1))
            {
                if (day.Year == year)
                    renewalsByMonth[InvoiceMonth.Of(day)] = renewalsByMonth.GetValueOrDefault(InvoiceMonth.Of(day)) + candidate.Daily * share;
            }
        }

        var funders = grants.Where(g => g.Year == year).Select(g => (string?)g.Funder)
            .Concat(months.Select(rules.FunderOf).Where(f => f is not null))
            .Distinct().ToList();
        if (months.Any(m => rules.FunderOf(m) is null && (approvedByMonth.GetValueOrDefault(m) != 0 || spentByMonth.GetValueOrDefault(m) != 0)))
            funders.Add(null);

        var lines = funders.Select(funder =>
        {
            var own = months.Where(m => rules.FunderOf(m) == funder).ToList();
            var approved = own.Sum(m => approvedByMonth.GetValueOrDefault(m));
            var spent = own.Sum(m => spentByMonth.GetValueOrDefault(m));
            var renewals = decimal.Round(own.Sum(m => renewalsByMonth.GetValueOrDefault(m)), 2);
            var granted = grants.Where(g => g.Year == year && g.Funder == funder).Sum(g => g.Amount);
            var direct = grants.Where(g => g.Year == year && g.Funder == funder).Sum(g => g.DirectSupport);
            return new FunderBudget(funder, granted, direct, approved - spent, spent, direct - approved, approved + renewals, renewals);
        }).ToList();

        var total = new FunderBudget(null, lines.Sum(l => l.Granted), lines.Sum(l => l.DirectSupport), lines.Sum(l => l.Committed),
            lines.Sum(l => l.Spent), lines.Sum(l => l.Left), lines.Sum(l => l.Forecast), lines.Sum(l => l.ExpectedRenewals));
        return new BudgetStatement(year, lines, total, share, renewable);
    }

    /// <summary>
    /// The funders whose money left is less than what approving <paramref name="cost"/> (by month) would commit in this year;
    /// approving it anyway needs an explicit, audited confirmation. Only a funder with a grant this year has a budget to
    /// overrun: months without a funder rule, or a funder without a grant, are shown on the budget but refuse nothing.
    /// </summary>
    public IReadOnlyList<(string Funder, decimal Cost, decimal Left)> Overruns(IReadOnlyDictionary<InvoiceMonth, decimal> cost, FunderRules rules) =>
        [.. cost.Where(c => c.Key.Year == Year).GroupBy(c => rules.FunderOf(c.Key))
            .Select(g => (Cost: g.Sum(c => c.Value), Budget: Funders.FirstOrDefault(f => f.Funder is not null && f.Funder == g.Key && f.Granted > 0)))
            .Where(o => o.Budget is not null && o.Cost > o.Budget.Left)
            .Select(o => (o.Budget!.Funder!, o.Cost, o.Budget.Left))];
}

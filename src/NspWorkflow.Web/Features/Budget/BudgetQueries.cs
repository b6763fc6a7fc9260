using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Budget;
using NspWorkflow.Domain.Invoicing;

namespace NspWorkflow.Web.Features.Budget;

/// <summary>
/// The budget of a year from the stored rows: the grants, the funder rules, the months' commitment totals, the attested
/// invoice lines summed by the month they cover, the running periods that may be renewed and the renewals of the last
/// twelve months. A few small queries whatever the number of cases; no case file is read.
/// </summary>
public sealed class BudgetQueries(NspDbContext db, CommitmentTotals totals)
{
    /// <summary>The renewal share is learnt from the periods that ended in this many months before today.</summary>
    public const int RenewalShareMonths = 12;

    public async Task<IReadOnlyList<Grant>> GrantsAsync(int? year, CancellationToken cancellationToken) =>
        [.. (await db.Grants.AsNoTracking().Where(g => year == null || g.Year == year).ToListAsync(cancellationToken))
            .OrderByDescending(g => g.Year).ThenBy(g => g.Funder, StringComparer.CurrentCulture)
            .Select(g => new Grant(g.Funder, g.Year, g.Amount, g.DirectSupport))];

    public async Task<FunderRules> RulesAsync(CancellationToken cancellationToken) =>
        new((await db.FunderRules.AsNoTracking().ToListAsync(cancellationToken))
            .Select(r => new FunderRule(InvoiceMonth.FromNumber(r.FromMonth), r.Funder)));

    public async Task<BudgetStatement> StatementAsync(int year, DateOnly today, CancellationToken cancellationToken)
    {
        var (from, to) = (new InvoiceMonth(year, 1).Number, new InvoiceMonth(year, 12).Number);
        var lines = db.InvoiceLines.AsNoTracking().Where(l => l.CoversMonth >= from && l.CoversMonth <= to)
            .Join(db.InvoiceBases.Where(b => b.Status == InvoiceBasisStatus.Attested), l => l.BasisId, b => b.Id, (l, b) => new MonthAmount { Month = l.CoversMonth, Amount = l.Total });
        var approved = await totals.OfYearAsync(year, cancellationToken);
        var spent = await SumByMonthAsync(lines, cancellationToken);

        // Running: a renewable period of an open, active case that has not ended before today.
        var running = (await db.CommitmentPeriods.AsNoTracking()
                .Where(p => p.Renewable && !p.Renewed && p.CaseRunning && p.LastDay >= today)
                .Select(p => new { p.LastDay, p.RenewalDaily, p.RenewalDays })
                .ToListAsync(cancellationToken))
            .Select(p => new RenewalCandidate(p.LastDay, p.RenewalDaily, p.RenewalDays)).ToList();
        // Both counts in one pass over the periods ended in the last twelve months: the program's current practice, and a
        // range of the (LastDay, Renewable, Renewed) index that does not grow with the years of data.
        var since = today.AddMonths(-RenewalShareMonths);
        var counts = await db.CommitmentPeriods.AsNoTracking().Where(p => p.LastDay >= since && p.LastDay < today).GroupBy(p => 1)
            .Select(g => new { Renewable = g.Count(p => p.Renewable), Renewed = g.Count(p => p.Renewed) })
            .SingleOrDefaultAsync(cancellationToken);
        var (renewable, renewed) = (counts?.Renewable ?? 0, counts?.Renewed ?? 0);

        return BudgetStatement.Compute(year, await GrantsAsync(year, cancellationToken), await RulesAsync(cancellationToken), approved, spent,
            running, renewed, renewable);
    }

    /// <summary>
    /// Sums by month in the database; SQLite keeps decimals as text and cannot sum them, so there the rows come and are
    /// summed here (the embedded default serves one small program; PostgreSQL and SQL Server sum where the rows are).
    /// </summary>
    private async Task<Dictionary<InvoiceMonth, decimal>> SumByMonthAsync(IQueryable<MonthAmount> rows, CancellationToken cancellationToken)
    {
        var sums = db.Database.IsSqlite()
            ? (await rows.ToListAsync(cancellationToken)).GroupBy(r => r.Month).Select(g => (Month: g.Key, Amount: g.Sum(r => r.Amount))).ToList()
            : (await rows.GroupBy(r => r.Month).Select(g => new { Month = g.Key, Amount = g.Sum(r => r.Amount) }).ToListAsync(cancellationToken))
                .Select(g => (g.Month, g.Amount)).ToList();
        return sums.ToDictionary(s => InvoiceMonth.FromNumber(s.Month), s => s.Amount);
    }

    private sealed class MonthAmount
    {
        public int Month { get; init; }
        public decimal Amount { get; init; }
    }
}

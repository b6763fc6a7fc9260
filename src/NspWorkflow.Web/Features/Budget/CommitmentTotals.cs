using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Budget;
using NspWorkflow.Domain.Invoicing;

namespace NspWorkflow.Web.Features.Budget;

/// <summary>
/// What all cases commit per month (<see cref="CommitmentTotalRow"/>), changed by the difference each case's commitment
/// rows make, in the same unit of work as those rows. The budget reads twelve rows for a year whatever the number of cases.
/// </summary>
public sealed class CommitmentTotals(NspDbContext db)
{
    /// <summary>Adds each month's difference to its total (tracked, saved with the case's step).</summary>
    public async Task AddAsync(IReadOnlyDictionary<int, decimal> differences, CancellationToken cancellationToken)
    {
        var months = differences.Where(d => d.Value != 0).Select(d => d.Key).Order().ToList();
        if (months.Count == 0)
            return;

        // Rows this unit of work already holds (a batch of cases reaching the same months, one not yet saved) come first:
        // a query would not return a row only added.
        var totals = Tracked(months);
        var missing = months.Where(m => !totals.ContainsKey(m)).ToList();
        if (missing.Count > 0)
        {
            await db.CommitmentTotals.Where(t => missing.Contains(t.Month)).OrderBy(t => t.Id).LoadAsync(cancellationToken);
            totals = Tracked(months);
        }

        foreach (var month in months)
        {
            if (totals.TryGetValue(month, out var total))
            {
                total.Amount += differences[month];
                total.Version = Guid.NewGuid();
            }
            else
            {
                db.CommitmentTotals.Add(new CommitmentTotalRow { Id = Guid.NewGuid(), Month = month, Amount = differences[month], Version = Guid.NewGuid() });
            }
        }
    }

    /// <summary>The committed sums by month of a year.</summary>
    public async Task<Dictionary<InvoiceMonth, decimal>> OfYearAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = (new InvoiceMonth(year, 1).Number, new InvoiceMonth(year, 12).Number);
        // A month may have more than one row (two steps that reached it at once): the few rows come and are summed here,
        // which also serves SQLite, whose decimals are text it cannot sum.
        var rows = await db.CommitmentTotals.AsNoTracking().Where(t => t.Month >= from && t.Month <= to)
            .Select(t => new { t.Month, t.Amount }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Month).ToDictionary(g => InvoiceMonth.FromNumber(g.Key), g => g.Sum(r => r.Amount));
    }

    /// <summary>
    /// Fills the totals from the case months where there are none yet (a database from before the totals), so the budget
    /// is the same as before; once there are totals this reads one row and stops.
    /// </summary>
    public async Task FillWhereMissingAsync(CancellationToken cancellationToken)
    {
        if (await db.CommitmentTotals.AnyAsync(cancellationToken) || !await db.CommitmentMonths.AnyAsync(cancellationToken))
            return;
        var months = await db.CommitmentMonths.AsNoTracking().Select(m => new { m.Month, m.Amount }).ToListAsync(cancellationToken);
        db.CommitmentTotals.AddRange(months.GroupBy(m => m.Month).Select(g => new CommitmentTotalRow
        {
            Id = Guid.NewGuid(), Month = g.Key, Amount = g.Sum(m => m.Amount), Version = Guid.NewGuid(),
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private Dictionary<int, CommitmentTotalRow> Tracked(IReadOnlyCollection<int> months) =>
        db.ChangeTracker.Entries<CommitmentTotalRow>()
            .Where(e => e.State != EntityState.Deleted && months.Contains(e.Entity.Month))
            .OrderBy(e => e.Entity.Id)
            .GroupBy(e => e.Entity.Month)
            .ToDictionary(g => g.Key, g => g.First().Entity);
}

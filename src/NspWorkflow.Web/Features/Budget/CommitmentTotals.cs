using Hangfire;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Budget;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;

namespace NspWorkflow.Web.Features.Budget;

/// <summary>
/// What all cases commit per month (<see cref="CommitmentTotalRow"/>): each case's change adds its months' differences as
/// new rows in the same unit of work, and <see cref="CompactAsync"/> folds each month's rows into one. The budget reads a
/// year's few rows whatever the number of cases, and no step ever contends for a shared row.
/// </summary>
public sealed class CommitmentTotals(NspDbContext db)
{
    /// <summary>Adds each month's difference (tracked, saved with the case's step).</summary>
    public void Add(IReadOnlyDictionary<int, decimal> differences) =>
        db.CommitmentTotals.AddRange(differences.Where(d => d.Value != 0)
            .Select(d => new CommitmentTotalRow { Id = Guid.NewGuid(), Month = d.Key, Amount = d.Value }));

    /// <summary>The committed sums by month of a year.</summary>
    public async Task<Dictionary<InvoiceMonth, decimal>> OfYearAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = (new InvoiceMonth(year, 1).Number, new InvoiceMonth(year, 12).Number);
        // Summed here: the rows are few (one a month, and the changes since the last compaction), and SQLite keeps decimals
        // as text it cannot sum.
        var rows = await db.CommitmentTotals.AsNoTracking().Where(t => t.Month >= from && t.Month <= to)
            .Select(t => new { t.Month, t.Amount }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Month).ToDictionary(g => InvoiceMonth.FromNumber(g.Key), g => g.Sum(r => r.Amount));
    }

    /// <summary>
    /// Folds every month's rows into one, a month a transaction: the rows read are deleted by id and their sum inserted.
    /// Rows added meanwhile are not read, so nothing is lost; a compaction running at once elsewhere deletes fewer rows than
    /// it read and takes back its own month only. Returns the rows folded.
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> CompactAsync(CancellationToken cancellationToken)
    {
        var months = await db.CommitmentTotals.GroupBy(t => t.Month).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(cancellationToken);
        var folded = 0;
        foreach (var month in months)
            folded += await CompactMonthAsync(month, cancellationToken);
        return folded;
    }

    private async Task<int> CompactMonthAsync(int month, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.CommitmentTotals.AsNoTracking().Where(t => t.Month == month).Select(t => new { t.Id, t.Amount }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        if (rows.Count < 2 || await db.CommitmentTotals.Where(t => ids.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken) != ids.Count)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return 0;
        }

        db.CommitmentTotals.Add(new CommitmentTotalRow { Id = Guid.NewGuid(), Month = month, Amount = rows.Sum(r => r.Amount) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return rows.Count;
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
        db.CommitmentTotals.AddRange(months.GroupBy(m => m.Month)
            .Select(g => new CommitmentTotalRow { Id = Guid.NewGuid(), Month = g.Key, Amount = g.Sum(m => m.Amount) }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}

/// <summary>Every five minutes: the budget then reads at most five minutes of changes besides a row a month.</summary>
internal sealed class CommitmentTotalsRecurringJob : IRecurringJobDefinition
{
    public const string JobId = "commitment-totals";

    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<CommitmentTotals>(JobId, totals => totals.CompactAsync(CancellationToken.None), "*/5 * * * *");
}

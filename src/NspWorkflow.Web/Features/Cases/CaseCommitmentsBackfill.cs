using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Budget;
using NspWorkflow.Web.Infrastructure.Database;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>
/// Cases admitted before the budget existed have no commitment rows: at start, each admitted case without them gets them,
/// in batches, from its case file. Once every case has its rows this reads one count and stops. The months' totals come
/// first, from the rows stored before they existed.
/// </summary>
internal sealed class CaseCommitmentsBackfill(NspDbContext db, CaseStore store, CaseCommitments commitments, CommitmentTotals totals) : IStartupSeeder
{
    private const int BatchSize = 500;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // First the totals of the rows there are, then the cases without rows add to them.
        await totals.FillWhereMissingAsync(cancellationToken);

        // By id, after the last one seen: a case without periods (rejected) never gets rows and must not be read again.
        var after = Guid.Empty;
        while (true)
        {
            // An erased case has no file to read (and kept its rows, if it had any, when it was erased).
            var rows = await db.Cases.Where(c => c.Status != CaseStatus.Applied && c.ErasedAt == null && c.Id.CompareTo(after) > 0
                    && !db.CommitmentPeriods.Any(p => p.CaseId == c.Id))
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (rows.Count == 0)
                return;
            foreach (var row in rows)
            {
                var @case = store.Restore(row);
                if (@case.Periods.Count > 0)
                    await commitments.WriteAsync(@case, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = rows[^1].Id;
        }
    }
}

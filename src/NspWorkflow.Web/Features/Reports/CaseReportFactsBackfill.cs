using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Reports;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Infrastructure.Database;

namespace NspWorkflow.Web.Features.Reports;

/// <summary>
/// Cases stored before the report rows existed have none: at start, each such case gets them from its case file, in
/// batches. Once every case has its rows this reads one query and stops. (A case file erased after its retention period
/// is never read here: its rows were written with it.)
/// </summary>
internal sealed class CaseReportFactsBackfill(NspDbContext db, CaseStore store) : IStartupSeeder
{
    private const int BatchSize = 500;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var rows = await db.Cases.Where(c => !db.CaseReportFacts.Any(f => f.CaseId == c.Id))
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (rows.Count == 0)
                return;
            foreach (var row in rows)
                await CaseReportFacts.WriteAsync(db, store.Restore(row), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}

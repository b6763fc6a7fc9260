using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Tariffs;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Infrastructure.Database;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Tariffs;

/// <summary>
/// An empty Tariffs table is filled from the tariff files (<see cref="TariffLoader"/>) as revision 1; after that the
/// database is the truth and the files are only a seed and an export format. Then the catalog reads the schedule.
/// </summary>
internal sealed class TariffSeeder(NspDbContext db, TariffCatalog catalog, IConfiguration configuration, IHostEnvironment environment,
    TimeProvider time) : IReferenceDataSeeder
{
    public const string SeedActor = "workflows/tariffs";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await db.Tariffs.AnyAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            foreach (var tariff in TariffLoader.Load(configuration, environment, new MessageTable()).Tariffs)
            {
                db.Tariffs.Add(new TariffRow
                {
                    Revision = db.Tariffs.Local.Count + TariffSchedule.FirstRevision, EffectiveFrom = tariff.EffectiveFrom,
                    Json = TariffJson.Write([tariff]), CreatedAt = now, CreatedBy = SeedActor,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await catalog.RefreshAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NspWorkflow.Data.PostgreSql;
using NspWorkflow.Data.Sqlite;
using NspWorkflow.Data.Tests.Workflows;
using NspWorkflow.Testing;

namespace NspWorkflow.Data.Tests;

/// <summary>
/// The migration that gives cases their closing day fills it for the cases closed before it, from their last change in
/// Swedish time (the retention period then never ends early); an open case has none.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class CaseRetentionMigrationTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Cases_closed_before_the_migration_get_the_Swedish_day_of_their_last_change_as_closing_day(DatabaseProvider provider)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nsp-migration-test-{Guid.NewGuid():N}.db");
        var builder = new DbContextOptionsBuilder<NspDbContext>();
        if (provider == DatabaseProvider.Sqlite)
            SqliteDatabase.Configure(builder, $"Data Source={path};Pooling=False");
        else
            PostgreSqlDatabase.Configure(builder, await postgres.CreateDatabaseAsync());
        await using var db = new NspDbContext(builder.Options);
        var migrations = db.Database.GetMigrations().ToList();
        var retention = migrations.FindIndex(m => m.EndsWith("_CaseRetention", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[retention - 1]);

        // 23:30 UTC on 2 March is 00:30 on 3 March in Sweden.
        var lateEvening = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero);
        var (closed, open) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, reference, status) in new[] { (closed, "NSP-2026-0001", "Closed"), (open, "NSP-2026-0002", "Active") })
        {
            object updatedAt = provider == DatabaseProvider.Sqlite ? lateEvening.UtcTicks : lateEvening;
            var placement = provider == DatabaseProvider.Sqlite ? (object)"2026-02-01" : new DateOnly(2026, 2, 1);
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Cases" ("Id", "Reference", "ShelterId", "Status", "Outcome", "PlacementDate", "CreatedAt", "UpdatedAt", "Version", "ProtectedData")
                VALUES ({0}, {1}, {2}, {3}, 'Ended', {4}, {5}, {5}, {6}, 'x')
                """, id, reference, Guid.NewGuid(), status, placement, updatedAt, Guid.NewGuid());
        }

        await db.Database.MigrateAsync();
        var days = await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ClosedOn);
        Assert.Equal(new DateOnly(2026, 3, 3), days[closed]);
        Assert.Null(days[open]);
        if (provider == DatabaseProvider.Sqlite)
            File.Delete(path);
    }
}

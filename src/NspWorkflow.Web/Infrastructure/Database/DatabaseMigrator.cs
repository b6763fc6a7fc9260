using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;

namespace NspWorkflow.Web.Infrastructure.Database;

/// <summary>
/// Brings the database to the current model before the app takes requests: always for the embedded SQLite
/// file, and for PostgreSQL and SQL Server when <c>Database:Migrate</c> is set (operators may prefer the
/// idempotent script instead).
/// </summary>
internal sealed class DatabaseMigrator(
    IServiceScopeFactory scopes, DatabaseOptions options, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        if (options.Migrate)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to the {Provider} database", pending.Count, options.Provider);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new InvalidOperationException(
                "The database has pending migrations. Apply the migration script, or start once with Database:Migrate=true.");
        }

        // Reference data first: the other seeders' services are built from it (a pathway handler prices with the tariffs).
        foreach (var seeder in scope.ServiceProvider.GetServices<IReferenceDataSeeder>())
            await seeder.SeedAsync(cancellationToken);
        foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>())
            await seeder.SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Data a fresh database needs (demo shelters on the embedded default, pathways later), run after migration.</summary>
public interface IStartupSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>A seeder of data that other services need to be built (the tariffs); run before every <see cref="IStartupSeeder"/>.</summary>
public interface IReferenceDataSeeder : IStartupSeeder;

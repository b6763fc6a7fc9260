using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data.PostgreSql;
using NspWorkflow.Data.Sqlite;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Store;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Testing;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// A migrated database with the workflow engine on it and the definitions of one file published, for the store's tests:
/// a SQLite file (deleted when disposed) or a fresh database on the tests' PostgreSQL server.
/// </summary>
internal sealed class StoreTestDatabase : IAsyncDisposable
{
    private readonly string? path;

    private StoreTestDatabase(string? path, string connectionString, ServiceProvider services)
    {
        this.path = path;
        ConnectionString = connectionString;
        Services = services;
    }

    public ServiceProvider Services { get; }

    /// <summary>For a test that opens the database another way.</summary>
    public string ConnectionString { get; }

    /// <summary>The engine with <paramref name="options"/>, whose definitions may use <paramref name="roles"/>, and <paramref name="xml"/> published.</summary>
    public static Task<StoreTestDatabase> CreateAsync(string xml, WorkflowEngineOptions options, params string[] roles) =>
        CreateAsync(null, xml, options, roles);

    /// <summary>The same on a fresh database of <paramref name="postgres"/>; SQLite when it is null.</summary>
    public static async Task<StoreTestDatabase> CreateAsync(PostgresServer? postgres, string xml, WorkflowEngineOptions options,
        params string[] roles)
    {
        var path = postgres is null ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nsp-store-test-{Guid.NewGuid():N}.db") : null;
        var connectionString = postgres is null ? $"Data Source={path};Pooling=False" : await postgres.CreateDatabaseAsync();
        var collection = new ServiceCollection();
        collection.AddSingleton(TimeProvider.System);
        collection.AddDbContext<NspDbContext>(builder =>
        {
            if (postgres is null)
                SqliteDatabase.Configure(builder, connectionString);
            else
                PostgreSqlDatabase.Configure(builder, connectionString);
        });
        collection.AddWorkflowEngine(options, _ => new ValidationContext([], [], [.. roles], [], []));
        var database = new StoreTestDatabase(path, connectionString, collection.BuildServiceProvider());
        await using var scope = database.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NspDbContext>().Database.MigrateAsync();
        var catalog = scope.ServiceProvider.GetRequiredService<DefinitionCatalog>();
        var saved = Assert.IsType<SaveDraftResult.Saved>(await catalog.SaveDraftAsync(xml));
        foreach (var version in saved.Versions)
            await catalog.PublishAsync(version.ProcessId, version.Version);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (path is null)
            return;
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data.Sqlite;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Store;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// A migrated SQLite file with the workflow engine on it and one definition published, for the store's tests; deleted
/// when disposed.
/// </summary>
internal sealed class StoreTestDatabase : IAsyncDisposable
{
    private StoreTestDatabase(string path, ServiceProvider services)
    {
        Path = path;
        Services = services;
    }

    /// <summary>The database file, for a test that opens it another way.</summary>
    public string Path { get; }

    public ServiceProvider Services { get; }

    public string ConnectionString => $"Data Source={Path};Pooling=False";

    /// <summary>The engine with <paramref name="options"/>, whose definitions may use <paramref name="roles"/>, and <paramref name="xml"/> published.</summary>
    public static async Task<StoreTestDatabase> CreateAsync(string xml, WorkflowEngineOptions options, params string[] roles)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nsp-store-test-{Guid.NewGuid():N}.db");
        var collection = new ServiceCollection();
        collection.AddSingleton(TimeProvider.System);
        collection.AddDbContext<NspDbContext>(builder => SqliteDatabase.Configure(builder, $"Data Source={path};Pooling=False"));
        collection.AddWorkflowEngine(options, _ => new ValidationContext([], [], [.. roles], [], []));
        var database = new StoreTestDatabase(path, collection.BuildServiceProvider());
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
        SqliteConnection.ClearAllPools();
        File.Delete(Path);
    }
}

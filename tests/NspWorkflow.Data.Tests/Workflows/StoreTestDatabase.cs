using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Data.PostgreSql;
using NspWorkflow.Data.Sqlite;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Store;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// The light engine host: a migrated database with the workflow engine on it and nothing of the app (no web server,
/// no Hangfire, no pathways), a SQLite file (deleted when disposed) or a fresh database on the tests' PostgreSQL server,
/// and a clock the test moves. Nothing sweeps timers but the test.
/// </summary>
internal sealed class StoreTestDatabase : IEngineHost, IAsyncDisposable
{
    /// <summary>The app's first day in the tests, so dates read the same in the Data and the Web tests.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The engine options the app runs with: tasks belong to the instance's shelter, the business key is its case.</summary>
    public static readonly WorkflowEngineOptions AppOptions =
        new(OrganisationVariable: "shelterId", BusinessKeys: [new BusinessKeyVariable("case", "caseId")]);

    private readonly string? path;

    private StoreTestDatabase(string? path, string connectionString, ServiceProvider services, FakeTimeProvider clock)
    {
        this.path = path;
        ConnectionString = connectionString;
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    IServiceProvider IEngineHost.Services => Services;

    public FakeTimeProvider Clock { get; }

    /// <summary>For a test that opens the database another way.</summary>
    public string ConnectionString { get; }

    public NspDbContext CreateDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<NspDbContext>();

    /// <summary>The engine with <paramref name="options"/>, whose definitions may use <paramref name="roles"/>, and <paramref name="xml"/> published.</summary>
    public static Task<StoreTestDatabase> CreateAsync(string xml, WorkflowEngineOptions options, params string[] roles) =>
        CreateAsync(null, xml, options, roles);

    /// <summary>The same on a fresh database of <paramref name="postgres"/>; SQLite when it is null.</summary>
    public static async Task<StoreTestDatabase> CreateAsync(PostgresServer? postgres, string xml, WorkflowEngineOptions options,
        params string[] roles)
    {
        var database = await CreateAsync(postgres, options, new ValidationContext([], [], [.. roles], [], []));
        await EngineCalls.PublishFileAsync(database, xml);
        return database;
    }

    /// <summary>
    /// The engine as the app composes it, with <c>workflows/example-approval.bpmn</c> published: a shelter's task with a
    /// reminder timer on its boundary, then a coordinator's review. <paramref name="configure"/> may add a service only to
    /// produce a fault no real component can be made to.
    /// </summary>
    public static async Task<StoreTestDatabase> WithExampleAsync(PostgresServer? postgres, Action<IServiceCollection>? configure = null)
    {
        var known = new ValidationContext([], ["admission-completion", "admission-review"], ["shelter", "coordinator"],
            ["task-assigned", "period-reminder"], []);
        var database = await CreateAsync(postgres, AppOptions, known, configure);
        await EngineCalls.PublishFileAsync(database, await File.ReadAllTextAsync(ExampleFile()));
        return database;
    }

    /// <summary>The host on SQLite or on a fresh database of the tests' PostgreSQL server.</summary>
    public static Task<StoreTestDatabase> WithExampleAsync(DatabaseProvider provider, PostgresServer postgres,
        Action<IServiceCollection>? configure = null) =>
        WithExampleAsync(provider == DatabaseProvider.PostgreSql ? postgres : null, configure);

    private static async Task<StoreTestDatabase> CreateAsync(PostgresServer? postgres, WorkflowEngineOptions options,
        ValidationContext known, Action<IServiceCollection>? configure = null)
    {
        var path = postgres is null ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nsp-store-test-{Guid.NewGuid():N}.db") : null;
        var connectionString = postgres is null ? $"Data Source={path};Pooling=False" : await postgres.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(Start);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddDbContext<NspDbContext>(builder =>
        {
            if (postgres is null)
                SqliteDatabase.Configure(builder, connectionString);
            else
                PostgreSqlDatabase.Configure(builder, connectionString);
        });
        collection.AddWorkflowEngine(options, _ => known);
        configure?.Invoke(collection);
        var database = new StoreTestDatabase(path, connectionString, collection.BuildServiceProvider(), clock);
        await using var scope = database.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NspDbContext>().Database.MigrateAsync();
        return database;
    }

    private static string ExampleFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var file = System.IO.Path.Combine(folder.FullName, "workflows", "example-approval.bpmn");
            if (File.Exists(file))
                return file;
        }
        throw new FileNotFoundException("workflows/example-approval.bpmn was not found above the test's folder.");
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

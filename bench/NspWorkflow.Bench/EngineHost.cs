using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Data;
using NspWorkflow.Data.PostgreSql;
using NspWorkflow.Data.Sqlite;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Store;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Bench;

/// <summary>
/// The engine composed exactly as the web app composes it (<see cref="WorkflowEngineServiceCollectionExtensions"/>), on
/// one database, with a clock the benchmark moves. Each operation runs in its own scope, as a request would.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    public const string ProcessId = "example-approval";

    private static readonly ValidationContext Names = new(
        Handlers: [],
        Forms: ["admission-completion", "admission-review"],
        Roles: ["shelter", "coordinator"],
        MailTemplates: ["task-assigned", "period-reminder"],
        CallableProcessIds: []);

    private readonly ServiceProvider _services;

    private EngineHost(ServiceProvider services, FakeTimeProvider clock)
    {
        _services = services;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>Builds the services and opens the database; <paramref name="migrate"/> creates the schema first.</summary>
    /// <remarks><paramref name="log"/> (for <c>--show-sql</c>) records EF's commands; null composes exactly as the app does.</remarks>
    public static async Task<EngineHost> StartAsync(string provider, string connectionString, FakeTimeProvider clock, bool migrate,
        CommandLog? log = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddDbContextPool<NspDbContext>(builder =>
        {
            if (provider == "sqlite")
                SqliteDatabase.Configure(builder, connectionString);
            else
                PostgreSqlDatabase.Configure(builder, connectionString);
            if (log is not null)
            {
                builder.LogTo(log.Write, CommandLog.Events, LogLevel.Debug);
                // The step's batch is the instance store's own ADO.NET, outside EF's command log: it logs it at Debug.
                builder.UseLoggerFactory(LoggerFactory.Create(logging => logging.AddProvider(log)
                    .SetMinimumLevel(LogLevel.Debug).AddFilter((category, _) => category == "NspWorkflow.Data.Workflows.StepBatch")));
            }
        });
        services.AddWorkflowEngine(new WorkflowEngineOptions(OrganisationVariable: "shelterId"), _ => Names);
        var host = new EngineHost(services.BuildServiceProvider(), clock);

        await using var scope = host._services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        if (migrate)
            await db.Database.MigrateAsync();
        else if ((await db.Database.GetPendingMigrationsAsync()).Any())
            throw new InvalidOperationException("The benchmark database has pending migrations.");
        return host;
    }

    public async Task PublishExampleAsync()
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "example-approval.bpmn"));
        await InScopeAsync(async services =>
        {
            var catalog = services.GetRequiredService<DefinitionCatalog>();
            var saved = (SaveDraftResult.Saved)await catalog.SaveDraftAsync(xml);
            var result = await catalog.PublishAsync(ProcessId, saved.Versions[0].Version);
            if (result is not (PublishResult.Published or PublishResult.AlreadyPublished))
                throw new InvalidOperationException($"The example did not publish: {result}");
        });
    }

    public Task<EngineResult> StartInstanceAsync() =>
        InScopeAsync(services => services.GetRequiredService<WorkflowEngine>()
            .StartAsync(ProcessId, new Dictionary<string, object?> { ["shelterId"] = "bench" }));

    public Task<EngineResult> CompleteAsync(Guid taskId) =>
        InScopeAsync(services => services.GetRequiredService<WorkflowEngine>()
            .CompleteTaskAsync(taskId, "completed", null, "bench"));

    public Task<TimerSweepResult> SweepAsync(int batchSize) =>
        InScopeAsync(services => services.GetRequiredService<TimerSweeper>().SweepAsync(batchSize, CancellationToken.None));

    public Task<List<Guid>> OpenTaskIdsAsync(string nodeId) =>
        InScopeAsync(services => services.GetRequiredService<NspDbContext>().WorkflowTasks.AsNoTracking()
            .Where(t => t.NodeId == nodeId && t.Status == WaitStatus.Open)
            .Select(t => t.Id)
            .ToListAsync());

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

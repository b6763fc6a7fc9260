using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>
/// An element incident through the store, on SQLite and PostgreSQL: a gateway whose condition needs a missing variable
/// stops the instance; a retry without the fix stops again, a retry with it continues the instance.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ElementIncidentRetryTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_gateway_incident_retried_after_fixing_the_variables_continues_the_instance(DatabaseProvider provider)
    {
        await using var app = provider == DatabaseProvider.PostgreSql
            ? await NspApp.StartAsync(provider, await postgres.CreateDatabaseAsync())
            : await NspApp.StartAsync(provider);
        await IncidentProcesses.PublishAsync(app);
        var started = await EngineAsync(app, e => e.StartAsync(IncidentProcesses.GatewayCheck, new Dictionary<string, object?> { ["note"] = "x" }));
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        var instanceId = started.InstanceId!.Value;

        Assert.Equal(InstanceStatus.Incident, await StatusAsync(app, instanceId));
        var incident = Assert.Single(await IncidentProcesses.IncidentsAsync(app, instanceId));
        Assert.Equal("Gate", incident.ElementId);
        Assert.NotNull(incident.TokenId);
        Assert.Null(incident.ResolvedAt);
        Assert.Contains("G_Big", incident.Message);

        // Without the fix the gateway fails again: still one open incident to show, the instance still stopped.
        Assert.Equal(EngineOutcome.Retried, (await EngineAsync(app, e => e.RetryIncidentAsync(instanceId, null, "Anna Admin"))).Outcome);
        Assert.Equal(InstanceStatus.Incident, await StatusAsync(app, instanceId));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<WorkflowIncidentQueries>();
            Assert.Single(await queries.ListOpenAsync(100, CancellationToken.None), i => i.InstanceId == instanceId);
            Assert.Equal(1, (await queries.StatusAsync(instanceId, CancellationToken.None))!.OpenIncidents);
        }

        // The failed retry updated the incident rather than adding a second row.
        Assert.Single(await IncidentProcesses.IncidentsAsync(app, instanceId));

        var fixedRetry = await EngineAsync(app, e => e.RetryIncidentAsync(instanceId, new Dictionary<string, object?> { ["amount"] = 20 }, "Bo Admin"));

        Assert.Equal(EngineOutcome.Retried, fixedRetry.Outcome);
        Assert.Equal(InstanceStatus.Running, await StatusAsync(app, instanceId));
        await using (var db = app.CreateDbContext())
        {
            var task = await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId);
            Assert.Equal(("Task_Big", WaitStatus.Open), (task.NodeId, task.Status));
            Assert.All(await db.WorkflowIncidents.AsNoTracking().Where(i => i.InstanceId == instanceId).ToListAsync(),
                i => Assert.Equal(app.Clock.GetUtcNow(), i.ResolvedAt));

            // The history says who ran the failed gateway again, each time.
            var retries = await db.WorkflowJournal.AsNoTracking()
                .Where(j => j.InstanceId == instanceId && j.Kind == JournalKind.IncidentRetried).OrderBy(j => j.Id).ToListAsync();
            Assert.Equal([("Gate", "Anna Admin"), ("Gate", "Bo Admin")], retries.Select(j => (j.NodeId, j.Actor)));
        }

        Assert.Equal(EngineOutcome.NoIncident, (await EngineAsync(app, e => e.RetryIncidentAsync(instanceId, null, "admin"))).Outcome);
        Assert.Equal(EngineOutcome.NotFound, (await EngineAsync(app, e => e.RetryIncidentAsync(Guid.NewGuid(), null, "admin"))).Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_retry_into_a_call_of_an_unpublished_process_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = provider == DatabaseProvider.PostgreSql
            ? await NspApp.StartAsync(provider, await postgres.CreateDatabaseAsync())
            : await NspApp.StartAsync(provider);
        await IncidentProcesses.PublishAsync(app);
        var started = await EngineAsync(app, e => e.StartAsync(IncidentProcesses.CallCheck, null));
        var instanceId = started.InstanceId!.Value;
        var before = await RowAsync(app, instanceId);
        Assert.Equal(InstanceStatus.Incident, before.Status);
        var journal = await JournalCountAsync(app, instanceId);

        // The fix leads the gateway into the call of "timer-call-child", which has no published version.
        var refused = await EngineAsync(app, e => e.RetryIncidentAsync(instanceId, new Dictionary<string, object?> { ["amount"] = 20 }, "Anna Admin"));

        Assert.Equal(EngineOutcome.Refused, refused.Outcome);
        Assert.Equal("The called process 'timer-call-child' has no published version.", refused.Message);
        var after = await RowAsync(app, instanceId);
        Assert.Equal((before.Sequence, InstanceStatus.Incident), (after.Sequence, after.Status));
        Assert.Equal(journal, await JournalCountAsync(app, instanceId));
        var incident = Assert.Single(await IncidentProcesses.IncidentsAsync(app, instanceId));
        Assert.Equal(("K_Gate", (DateTimeOffset?)null), (incident.ElementId, incident.ResolvedAt));
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.WorkflowInstances.AnyAsync(i => i.ParentInstanceId == instanceId));
        }

        // Once the called process is published the same retry goes on and starts the child.
        await IncidentProcesses.PublishChildAsync(app);
        var retried = await EngineAsync(app, e => e.RetryIncidentAsync(instanceId, new Dictionary<string, object?> { ["amount"] = 20 }, "Anna Admin"));
        Assert.Equal(EngineOutcome.Retried, retried.Outcome);
        Assert.Equal(InstanceStatus.Running, (await RowAsync(app, instanceId)).Status);
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.WorkflowInstances.AnyAsync(i => i.ParentInstanceId == instanceId));
        }
    }

    private static async Task<WorkflowInstanceRow> RowAsync(NspApp app, Guid instanceId)
    {
        await using var db = app.CreateDbContext();
        return await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
    }

    private static async Task<int> JournalCountAsync(NspApp app, Guid instanceId)
    {
        await using var db = app.CreateDbContext();
        return await db.WorkflowJournal.CountAsync(j => j.InstanceId == instanceId);
    }

    private static async Task<InstanceStatus> StatusAsync(NspApp app, Guid instanceId)
    {
        await using var db = app.CreateDbContext();
        return await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.Status).SingleAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Web.Tests.Features.Workflows.Engine.EngineStoreTests;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>Messages by name and correlation key, and a call activity whose child ends and resumes it in the same commit.</summary>
[Collection(AppCollection.Name)]
public sealed class MessageTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_message_reaches_the_waiting_instance_and_one_nobody_waits_for_is_not_found(DatabaseProvider provider)
    {
        await using var app = provider == DatabaseProvider.PostgreSql
            ? await NspApp.StartAsync(provider, await postgres.CreateDatabaseAsync())
            : await NspApp.StartAsync(provider);
        await TestProcesses.PublishAsync(app);
        var waiting = (await EngineAsync(app, e => e.StartAsync("message-wait", new Dictionary<string, object?> { ["caseId"] = "c-1" }))).InstanceId;

        Assert.Equal(EngineOutcome.NotFound, (await EngineAsync(app, e => e.DeliverMessageAsync("report-filed", "c-2", null))).Outcome);
        var delivered = await EngineAsync(app, e => e.DeliverMessageAsync("report-filed", "c-1", new Dictionary<string, object?> { ["reported"] = true }));
        Assert.Equal((EngineOutcome.Delivered, waiting), (delivered.Outcome, delivered.InstanceId));
        Assert.Equal(EngineOutcome.NotFound, (await EngineAsync(app, e => e.DeliverMessageAsync("report-filed", "c-1", null))).Outcome);

        await using var db = app.CreateDbContext();
        Assert.Equal(InstanceStatus.Completed, (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == waiting)).Status);
        Assert.Empty(await db.WorkflowMessageSubscriptions.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task A_call_activity_starts_its_child_and_the_child_s_end_resumes_the_parent()
    {
        await using var app = await NspApp.StartAsync();
        await TestProcesses.PublishAsync(app);
        var parent = (await EngineAsync(app, e => e.StartAsync("call-parent", new Dictionary<string, object?> { ["caseId"] = "c-9" }))).InstanceId;

        await using (var db = app.CreateDbContext())
        {
            var child = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == parent);
            Assert.Equal(("message-wait", InstanceStatus.Running), (child.ProcessId, child.Status));
        }

        Assert.Equal(EngineOutcome.Delivered, (await EngineAsync(app, e => e.DeliverMessageAsync("report-filed", "c-9", null))).Outcome);
        await using (var db = app.CreateDbContext())
        {
            var statuses = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == parent || i.ParentInstanceId == parent)
                .Select(i => i.Status).ToListAsync();
            Assert.Equal([InstanceStatus.Completed, InstanceStatus.Completed], statuses);
            Assert.Contains(await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == parent).ToListAsync(),
                j => j.NodeId == "P_End" && j.Kind == JournalKind.Entered);
        }
    }
}

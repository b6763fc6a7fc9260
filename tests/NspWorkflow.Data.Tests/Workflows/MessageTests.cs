using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>Messages by name and correlation key, and a call activity whose child ends and resumes it in the same commit.</summary>
[Collection(StoreCollection.Name)]
public sealed class MessageTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_message_reaches_the_waiting_instance_and_one_nobody_waits_for_is_not_found(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        await TestProcesses.PublishAsync(host);
        var waiting = (await EngineAsync(host, e => e.StartAsync("message-wait", new Dictionary<string, object?> { ["caseId"] = "c-1" }))).InstanceId;

        Assert.Equal(EngineOutcome.NotFound, (await EngineAsync(host, e => e.DeliverMessageAsync("report-filed", "c-2", null))).Outcome);
        var delivered = await EngineAsync(host, e => e.DeliverMessageAsync("report-filed", "c-1", new Dictionary<string, object?> { ["reported"] = true }));
        Assert.Equal((EngineOutcome.Delivered, waiting), (delivered.Outcome, delivered.InstanceId));
        Assert.Equal(EngineOutcome.NotFound, (await EngineAsync(host, e => e.DeliverMessageAsync("report-filed", "c-1", null))).Outcome);

        await using var db = host.CreateDbContext();
        Assert.Equal(InstanceStatus.Completed, (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == waiting)).Status);
        Assert.Empty(await db.WorkflowMessageSubscriptions.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task A_call_activity_starts_its_child_and_the_child_s_end_resumes_the_parent()
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(null);
        await TestProcesses.PublishAsync(host);
        var parent = (await EngineAsync(host, e => e.StartAsync("call-parent", new Dictionary<string, object?> { ["caseId"] = "c-9" }))).InstanceId;

        await using (var db = host.CreateDbContext())
        {
            var child = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == parent);
            Assert.Equal(("message-wait", InstanceStatus.Running), (child.ProcessId, child.Status));
        }

        Assert.Equal(EngineOutcome.Delivered, (await EngineAsync(host, e => e.DeliverMessageAsync("report-filed", "c-9", null))).Outcome);
        await using (var db = host.CreateDbContext())
        {
            var statuses = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == parent || i.ParentInstanceId == parent)
                .Select(i => i.Status).ToListAsync();
            Assert.Equal([InstanceStatus.Completed, InstanceStatus.Completed], statuses);
            Assert.Contains(await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == parent).ToListAsync(),
                j => j.NodeId == "P_End" && j.Kind == JournalKind.Entered);
        }
    }
}

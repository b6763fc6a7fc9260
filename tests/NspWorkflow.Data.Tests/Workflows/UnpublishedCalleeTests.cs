using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// A normal step that reaches a call of a process with no published version, on SQLite and PostgreSQL: the engine
/// refuses the step with a message naming the process (it does not throw), and stores nothing of it.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class UnpublishedCalleeTests(PostgresServer postgres)
{
    private const string Refusal = "The called process 'timer-call-child' has no published version.";

    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_start_or_a_task_completion_that_calls_an_unpublished_process_is_refused_and_stores_nothing(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        await IncidentProcesses.PublishAsync(host);

        var start = await EngineAsync(host, e => e.StartAsync(IncidentProcesses.CallNow, null));
        Assert.Equal((EngineOutcome.Refused, Refusal), (start.Outcome, start.Message));
        await using (var db = host.CreateDbContext())
        {
            Assert.False(await db.WorkflowInstances.AnyAsync(i => i.ProcessId == IncidentProcesses.CallNow));
        }

        var started = await EngineAsync(host, e => e.StartAsync(IncidentProcesses.TaskCall, null));
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        var instanceId = started.InstanceId!.Value;
        Guid taskId;
        long sequence;
        await using (var db = host.CreateDbContext())
        {
            taskId = (await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId)).Id;
            sequence = (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId)).Sequence;
        }

        var completed = await EngineAsync(host, e => e.CompleteTaskAsync(taskId, "done", null, "Cecilia Coordinator"));

        Assert.Equal((EngineOutcome.Refused, Refusal), (completed.Outcome, completed.Message));
        await using (var db = host.CreateDbContext())
        {
            Assert.Equal(WaitStatus.Open, (await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.Id == taskId)).Status);
            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
            Assert.Equal((sequence, InstanceStatus.Running), (instance.Sequence, instance.Status));
            Assert.False(await db.WorkflowInstances.AnyAsync(i => i.ParentInstanceId == instanceId));
        }
    }
}

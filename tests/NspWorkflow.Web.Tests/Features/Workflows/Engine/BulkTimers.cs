using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>Many waiting instances fast: one started through the engine, the rest stored as copies of it in bulk.</summary>
internal static class BulkTimers
{
    private const int Chunk = 2000;

    /// <summary>
    /// Starts <paramref name="count"/> instances of <paramref name="processId"/>, a process that waits at one timer
    /// straight after its start: the first through the engine, the others as its snapshot and timer row with ids of their own.
    /// </summary>
    public static async Task StartAsync(NspApp app, string processId, int count)
    {
        var first = await EngineAsync(app, e => e.StartAsync(processId, null));
        Assert.Equal(EngineOutcome.Started, first.Outcome);
        WorkflowInstanceRow row;
        WorkflowTimerRow timer;
        await using (var db = app.CreateDbContext())
        {
            row = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == first.InstanceId);
            timer = await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.InstanceId == row.Id);
        }

        var template = InstanceStateJson.Deserialize(row.StateJson);
        var token = Assert.Single(template.Tokens);
        var wait = Assert.Single(template.Timers);
        for (var done = 1; done < count; done += Chunk)
        {
            await using var db = app.CreateDbContext();
            for (var i = done; i < Math.Min(count, done + Chunk); i++)
            {
                var (instanceId, tokenId, timerId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
                var state = template with
                {
                    InstanceId = instanceId,
                    Tokens = [token with { Id = tokenId }],
                    Timers = [wait with { TimerId = timerId, TokenId = tokenId }],
                };
                db.WorkflowInstances.Add(new WorkflowInstanceRow
                {
                    Id = instanceId, ProcessId = row.ProcessId, DefinitionVersion = row.DefinitionVersion, Status = row.Status,
                    StateJson = InstanceStateJson.Serialize(state), Sequence = row.Sequence, CreatedAt = row.CreatedAt, UpdatedAt = row.UpdatedAt,
                });
                db.WorkflowTimers.Add(new WorkflowTimerRow
                {
                    Id = timerId, InstanceId = instanceId, NodeId = timer.NodeId, DueAt = timer.DueAt, NextAttemptAt = timer.NextAttemptAt,
                    Status = TimerStatus.Pending,
                });
            }

            await db.SaveChangesAsync();
        }
    }
}

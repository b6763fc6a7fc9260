using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Tests.Infrastructure;
using static NspWorkflow.Web.Tests.Engine.EngineStoreTests;

namespace NspWorkflow.Web.Tests.Engine;

/// <summary>Timers as rows on real PostgreSQL: two sweepers at once fire each timer exactly once, and timers survive a restart.</summary>
[Collection(AppCollection.Name)]
public sealed class TimerSweepTests(PostgresServer postgres)
{
    [Fact]
    public async Task Two_sweepers_at_once_fire_each_of_2000_due_timers_exactly_once_on_PostgreSQL()
    {
        const int count = 2000;
        await using var app = await NspApp.StartAsync(DatabaseProvider.PostgreSql, await postgres.CreateDatabaseAsync());
        await TestProcesses.PublishAsync(app);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
            Assert.Equal(EngineOutcome.Started, (await EngineAsync(app, e => e.StartAsync("timer-only", null))).Outcome));
        app.Clock.Advance(TimeSpan.FromHours(1));

        var sweeps = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var fired = 0;
            while ((await SweepAsync(app, batchSize: 50)) is { Claimed: > 0 } result)
                fired += result.Fired;
            return fired;
        })));
        // The app's own minute job sweeps too (a third node): wait until it has fired what it claimed.
        await SweepOutcome.WaitUntilSettledAsync(app);

        await using var db = app.CreateDbContext();
        Assert.Equal(count, await db.WorkflowTimers.CountAsync(t => t.Status == TimerStatus.Fired && t.Attempts == 1));
        Assert.Equal(count, await db.WorkflowInstances.CountAsync(i => i.ProcessId == "timer-only" && i.Status == InstanceStatus.Completed));
        // Each timer's path ran once: one "left" line per timer event, one end per instance.
        Assert.Equal(count, await db.WorkflowJournal.CountAsync(j => j.NodeId == "Wait" && j.Kind == JournalKind.Left));
        Assert.Equal(count, await db.WorkflowJournal.CountAsync(j => j.NodeId == "End" && j.Kind == JournalKind.Entered));
        Assert.True(sweeps.Sum() <= count);
        Assert.Empty(await db.WorkflowIncidents.ToListAsync());
    }

    [Fact]
    public async Task Pending_timers_survive_a_restart_and_the_new_app_fires_them()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var first = await NspApp.StartAsync(DatabaseProvider.PostgreSql, connectionString))
        {
            await TestProcesses.PublishAsync(first);
            for (var i = 0; i < 3; i++)
                Assert.Equal(EngineOutcome.Started, (await EngineAsync(first, e => e.StartAsync("timer-only", null))).Outcome);
        }

        await using var second = await NspApp.StartAsync(DatabaseProvider.PostgreSql, connectionString);
        Assert.Equal(0, (await SweepAsync(second)).Claimed);
        second.Clock.Advance(TimeSpan.FromHours(1));
        // The restarted app's own minute job may sweep first: every timer fires once, whoever sweeps it.
        await SweepAsync(second);
        await SweepOutcome.WaitUntilSettledAsync(second);
        await using var db = second.CreateDbContext();
        Assert.Equal(3, await db.WorkflowTimers.CountAsync(t => t.Status == TimerStatus.Fired && t.Attempts == 1));
        Assert.Equal(3, await db.WorkflowInstances.CountAsync(i => i.Status == InstanceStatus.Completed));
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Tests.TestHost;
using Xunit.Abstractions;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>Timers as rows: two sweepers at once fire each of 10 000 timers exactly once (SQLite and PostgreSQL), and timers survive a restart.</summary>
[Collection(AppCollection.Name)]
public sealed class TimerSweepTests(PostgresServer postgres, ITestOutputHelper output)
{
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_sweepers_at_once_fire_each_of_10000_due_timers_exactly_once(DatabaseProvider provider)
    {
        const int count = 10_000;
        await using var app = provider == DatabaseProvider.PostgreSql
            ? await NspApp.StartAsync(provider, await postgres.CreateDatabaseAsync())
            : await NspApp.StartAsync(provider);
        await TestProcesses.PublishAsync(app);
        var setup = Stopwatch.StartNew();
        await BulkTimers.StartAsync(app, "timer-only", count);
        setup.Stop();
        app.Clock.Advance(TimeSpan.FromHours(1));

        var sweep = Stopwatch.StartNew();
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var fired = 0;
            // On SQLite both sweepers pick the same candidates and the loser claims none: it goes on while unclaimed
            // due timers are left, so both really sweep to the end.
            while ((await SweepAsync(app, batchSize: 50)) is var result && (result.Claimed > 0 || await AnyUnclaimedDueAsync(app)))
                fired += result.Fired;
            return fired;
        })));
        // The app's own minute job sweeps too (a third node): wait until it has fired what it claimed.
        await SweepOutcome.WaitUntilSettledAsync(app);
        sweep.Stop();
        output.WriteLine($"{provider}: {count} instances stored in {setup.Elapsed.TotalSeconds:F1} s; " +
                         $"swept in {sweep.Elapsed.TotalSeconds:F1} s (test's sweepers fired {sweeps[0]} + {sweeps[1]}).");

        await using var db = app.CreateDbContext();
        Assert.Equal(count, await db.WorkflowTimers.CountAsync(t => t.Status == TimerStatus.Fired && t.Attempts == 1));
        Assert.Equal(count, await db.WorkflowTimers.CountAsync());
        Assert.Equal(count, await db.WorkflowInstances.CountAsync(i => i.ProcessId == "timer-only" && i.Status == InstanceStatus.Completed));
        // Each timer's path ran once: one "left" line per timer event, one end per instance.
        Assert.Equal(count, await db.WorkflowJournal.CountAsync(j => j.NodeId == "Wait" && j.Kind == JournalKind.Left));
        Assert.Equal(count, await db.WorkflowJournal.CountAsync(j => j.NodeId == "End" && j.Kind == JournalKind.Entered));
        Assert.True(sweeps.Sum() <= count);
        Assert.Empty(await db.WorkflowIncidents.ToListAsync());
    }

    private static async Task<bool> AnyUnclaimedDueAsync(NspApp app)
    {
        var now = app.Clock.GetUtcNow();
        await using var db = app.CreateDbContext();
        return await db.WorkflowTimers.AnyAsync(t => t.Status == TimerStatus.Pending && t.DueAt <= now && t.ClaimToken == null);
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

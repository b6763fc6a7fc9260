using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;
using static NspWorkflow.Data.Tests.Workflows.ScheduledStarts;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// Two app nodes sweeping timer start events at once, on SQLite and PostgreSQL: the occurrence is started once. The
/// claim's key refuses the second node's insert, whose step then stores nothing (no instance, task or journal line).
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ScheduledStartRaceTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_node_that_stores_its_start_after_another_node_learns_it_was_started_and_stores_nothing(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider, postgres, File(Cycle("R/2026-03-10T08:00:00Z/P1Y")));
        host.Clock.SetUtcNow(Utc(2026, 3, 10, 8, 0, 10));

        // Both nodes found the occurrence due; the other node stores its start just before this one's save.
        ScheduledStartSweepResult winner = null!;
        await using var scope = host.Services.CreateAsyncScope();
        var store = new OtherNodeFirst(scope.ServiceProvider.GetRequiredService<IInstanceStore>(), async () => winner = await SweepAsync(host));
        var engine = ActivatorUtilities.CreateInstance<WorkflowEngine>(scope.ServiceProvider, store);
        var due = Assert.Single(await engine.FindDueScheduledStartsAsync());
        var loser = await engine.StartScheduledAsync(due);

        Assert.Equal(EngineOutcome.AlreadyStarted, loser.Outcome);
        Assert.Null(loser.InstanceId);
        Assert.Equal((1, 1, 0), ScheduledStartTests.Counts(winner));
        Assert.Equal(1, store.Saves);
        await AssertStartedOnceAsync(host);

        // The loser's context is clean: its unit of work goes on, and the next sweep finds nothing due.
        Assert.Equal(EngineOutcome.Started, (await engine.StartAsync(Round, null)).Outcome);
        Assert.Equal(0, (await SweepAsync(host)).Due);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Sweeps_running_together_start_the_occurrence_once(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider, postgres, File(Cycle("R/2026-03-10T08:00:00Z/P1Y")));
        host.Clock.SetUtcNow(Utc(2026, 3, 10, 8, 0, 10));

        var sweeps = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SweepAsync(host))));

        Assert.Equal(1, sweeps.Sum(s => s.Started));
        // Each other sweep either found it started when it looked, or lost the race when it stored.
        Assert.All(sweeps.Where(s => s.Started == 0), s => Assert.Equal(s.Due, s.AlreadyStarted));
        await AssertStartedOnceAsync(host);
    }

    /// <summary>One instance, one claim, and only that instance's task and journal lines.</summary>
    private static async Task AssertStartedOnceAsync(StoreTestDatabase host)
    {
        var started = Assert.Single(await StartedAsync(host));
        Assert.Equal((Utc(2026, 3, 10, 8), Utc(2026, 3, 10, 8)), (started.ScheduledAt, started.Claimed));
        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.WorkflowScheduledStarts.CountAsync());
        Assert.Equal([started.InstanceId], await db.WorkflowTasks.AsNoTracking().Select(t => t.InstanceId).ToListAsync());
        Assert.Equal([started.InstanceId], await db.WorkflowJournal.AsNoTracking().Select(j => j.InstanceId).Distinct().ToListAsync());
    }

    /// <summary>Lets the other node sweep just before this engine's first save; counts the saves.</summary>
    private sealed class OtherNodeFirst(IInstanceStore inner, Func<Task> otherNode) : ForwardingInstanceStore(inner)
    {
        public int Saves { get; private set; }

        public override async Task<SaveOutcome> SaveStepAsync(StepCommit commit, CancellationToken cancellationToken = default)
        {
            if (Saves++ == 0)
                await otherNode();
            return await base.SaveStepAsync(commit, cancellationToken);
        }
    }
}

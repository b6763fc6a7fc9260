using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using static NspWorkflow.Data.Tests.Workflows.ScheduledStarts;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// Timer start events on SQLite and PostgreSQL, swept as the minutely job does (the tests' clock starts on 2 March 2026,
/// 08:00 UTC, when the process is published): nothing before the first occurrence, one instance at it with
/// <c>scheduledAt</c> and its claim, after downtime only the latest occurrence missed, and no occurrence before the
/// version that would start it was published.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ScheduledStartTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Nothing_starts_before_the_first_occurrence_and_one_instance_starts_at_each(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider, postgres, File(Cycle("R/2026-03-10T09:00:00+01:00/P1Y")));

        host.Clock.SetUtcNow(Utc(2026, 3, 10, 7, 59, 59));
        Assert.Equal((0, 0, 0), Counts(await SweepAsync(host)));
        Assert.Empty(await StartedAsync(host));

        host.Clock.SetUtcNow(Utc(2026, 3, 10, 8));
        Assert.Equal((1, 1, 0), Counts(await SweepAsync(host)));
        var first = Assert.Single(await StartedAsync(host));
        Assert.Equal((1, Utc(2026, 3, 10, 8), Utc(2026, 3, 10, 8)), (first.Version, first.ScheduledAt, first.Claimed));
        await using (var db = host.CreateDbContext())
        {
            var task = await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.InstanceId == first.InstanceId);
            Assert.Equal(("Task", "coordinator", WaitStatus.Open), (task.NodeId, task.AssigneeRole, task.Status));
        }

        // The next minute's sweep finds the occurrence started.
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await SweepAsync(host)).Due);

        host.Clock.SetUtcNow(Utc(2027, 3, 10, 8, 0, 30));
        Assert.Equal(1, (await SweepAsync(host)).Started);
        Assert.Equal([Utc(2026, 3, 10, 8), Utc(2027, 3, 10, 8)], (await StartedAsync(host)).Select(s => s.ScheduledAt));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task After_downtime_only_the_latest_occurrence_missed_starts(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider, postgres, File(Cycle("R/2026-03-10T08:00:00Z/P1M")));

        // Down from before 10 March to 15 July: the rounds of March to June are not caught up, July's starts.
        host.Clock.SetUtcNow(Utc(2026, 7, 15, 12));
        Assert.Equal((1, 1, 0), Counts(await SweepAsync(host)));
        Assert.Equal(Utc(2026, 7, 10, 8), Assert.Single(await StartedAsync(host)).ScheduledAt);
        Assert.Equal(0, (await SweepAsync(host)).Due);

        host.Clock.SetUtcNow(Utc(2026, 8, 10, 8));
        Assert.Equal(1, (await SweepAsync(host)).Started);
        Assert.Equal([Utc(2026, 7, 10, 8), Utc(2026, 8, 10, 8)], (await StartedAsync(host)).Select(s => s.Claimed));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_version_published_after_an_occurrence_does_not_start_it(DatabaseProvider provider)
    {
        // Published on 2 March: the occurrence of 1 March is before it.
        await using var host = await HostAsync(provider, postgres, File(Cycle("R/2026-03-01T08:00:00Z/P1M")));
        Assert.Equal(0, (await SweepAsync(host)).Due);

        host.Clock.SetUtcNow(Utc(2026, 4, 1, 8));
        Assert.Equal(1, (await SweepAsync(host)).Started);

        // Down over 1 May, 08:00; at 09:00 version 2 is published, after the occurrence: it does not start it.
        host.Clock.SetUtcNow(Utc(2026, 5, 1, 9));
        await PublishFileAsync(host, File(Cycle("R/2026-03-01T08:00:00Z/P1M"), task: "Recertify again"));
        Assert.Equal(0, (await SweepAsync(host)).Due);

        host.Clock.SetUtcNow(Utc(2026, 6, 1, 8));
        Assert.Equal(1, (await SweepAsync(host)).Started);
        Assert.Equal([(1, Utc(2026, 4, 1, 8)), (2, Utc(2026, 6, 1, 8))], (await StartedAsync(host)).Select(s => (s.Version, s.ScheduledAt!.Value)));

        // A date already past when its process is published never starts.
        await PublishFileAsync(host, File(Date("2026-05-15T08:00:00Z"), processId: "once"));
        Assert.Equal(0, (await SweepAsync(host)).Due);
        Assert.Empty(await StartedAsync(host, "once"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_date_starts_once_and_a_start_by_hand_claims_no_occurrence(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider, postgres, File(Date("2026-03-10T09:00:00+01:00")));

        var byHand = await EngineAsync(host, e => e.StartAsync(Round, null));
        Assert.Equal(EngineOutcome.Started, byHand.Outcome);
        var manual = Assert.Single(await StartedAsync(host));
        Assert.Null(manual.ScheduledAt);
        Assert.Null(manual.Claimed);

        host.Clock.SetUtcNow(Utc(2026, 3, 10, 8, 0, 20));
        Assert.Equal(1, (await SweepAsync(host)).Started);
        host.Clock.SetUtcNow(Utc(2027, 3, 10, 8));
        Assert.Equal(0, (await SweepAsync(host)).Due);
        var started = await StartedAsync(host);
        Assert.Equal(2, started.Count);
        Assert.Equal(Utc(2026, 3, 10, 8), Assert.Single(started, s => s.Claimed is not null).ScheduledAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Only_an_occurrence_that_is_due_starts(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider, postgres, File(Cycle("R/2026-03-10T08:00:00Z/P1D")));
        host.Clock.SetUtcNow(Utc(2026, 3, 11, 9));

        var notOne = await EngineAsync(host, e => e.StartScheduledAsync(new ScheduledOccurrence(Round, 1, Utc(2026, 3, 11, 9))));
        Assert.Equal(EngineOutcome.Refused, notOne.Outcome);
        Assert.Contains("is not an occurrence of the timer start event of 'round'", notOne.Message, StringComparison.Ordinal);
        var early = await EngineAsync(host, e => e.StartScheduledAsync(new ScheduledOccurrence(Round, 1, Utc(2026, 3, 12, 8))));
        Assert.Equal(EngineOutcome.NotDue, early.Outcome);
        Assert.Empty(await StartedAsync(host));

        // An occurrence that is due but not the latest may be started on purpose; the sweep then starts the latest.
        Assert.Equal(EngineOutcome.Started, (await EngineAsync(host, e => e.StartScheduledAsync(new ScheduledOccurrence(Round, 1, Utc(2026, 3, 10, 8))))).Outcome);
        Assert.Equal(1, (await SweepAsync(host)).Started);
        Assert.Equal([Utc(2026, 3, 10, 8), Utc(2026, 3, 11, 8)], (await StartedAsync(host)).Select(s => s.Claimed));
    }

    /// <summary>Occurrences found due, started, and found started by another node.</summary>
    internal static (int Due, int Started, int AlreadyStarted) Counts(ScheduledStartSweepResult result) =>
        (result.Due, result.Started, result.AlreadyStarted);
}

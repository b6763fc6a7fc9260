using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// A timer whose firing fails, on SQLite and PostgreSQL with the host's movable clock: retried after 1, 2, 4 and 8
/// minutes (never a second early), then Failed with an open incident; an administrator's retry makes it due again.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class TimerRetryTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failing_timer_is_retried_with_doubling_backoff_never_early_then_fails_with_an_incident(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        await IncidentProcesses.PublishAsync(host);
        var instanceId = await IncidentProcesses.StartTimerCallAsync(host);
        var due = host.Clock.GetUtcNow().AddHours(1);

        var attempts = await IncidentProcesses.DriveTimerCallToGiveUpAsync(host, instanceId);

        Assert.Equal([due, due.AddMinutes(1), due.AddMinutes(3), due.AddMinutes(7), due.AddMinutes(15)], attempts);
        var timer = await IncidentProcesses.TimerAsync(host, instanceId);
        Assert.Equal((TimerStatus.Failed, TimerSweeper.MaxAttempts), (timer.Status, timer.Attempts));
        var incident = Assert.Single(await IncidentProcesses.IncidentsAsync(host, instanceId));
        Assert.Equal(("T_Wait", (Guid?)null, (DateTimeOffset?)null, due.AddMinutes(15)), (incident.ElementId, incident.TokenId, incident.ResolvedAt, incident.At));
        Assert.Contains("failed 5 times", incident.Message);
        Assert.Contains("The called process 'timer-call-child' has no published version.", incident.Message);

        // A failed attempt stored nothing of its step: the instance still waits at the timer, no child was started.
        await using (var db = host.CreateDbContext())
        {
            Assert.False(await db.WorkflowJournal.AnyAsync(j => j.InstanceId == instanceId && j.NodeId == "T_Wait" && j.Kind == JournalKind.Left));
            Assert.False(await db.WorkflowInstances.AnyAsync(i => i.ParentInstanceId == instanceId));
        }

        // A timer that gave up stays given up, however late it gets.
        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await SweepAsync(host)).Claimed);
        Assert.Equal(TimerStatus.Failed, (await IncidentProcesses.TimerAsync(host, instanceId)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failed_timer_retried_after_the_fix_becomes_due_now_and_fires_once(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        await IncidentProcesses.PublishAsync(host);
        var instanceId = await IncidentProcesses.StartTimerCallAsync(host);
        var due = (await IncidentProcesses.TimerAsync(host, instanceId)).DueAt;
        await IncidentProcesses.DriveTimerCallToGiveUpAsync(host, instanceId);
        host.Clock.Advance(TimeSpan.FromHours(3));
        var retriedAt = host.Clock.GetUtcNow();

        await IncidentProcesses.PublishChildAsync(host);
        Assert.Equal(EngineOutcome.Retried, (await EngineAsync(host, e => e.RetryIncidentAsync(instanceId, null, "admin"))).Outcome);

        var reset = await IncidentProcesses.TimerAsync(host, instanceId);
        // Pending only if no sweep fired it yet; either way it is due now, with the attempts counted afresh.
        Assert.Equal(due, reset.DueAt);
        Assert.Equal(retriedAt, reset.NextAttemptAt);
        Assert.Equal(retriedAt, Assert.Single(await IncidentProcesses.IncidentsAsync(host, instanceId)).ResolvedAt);

        await SweepAsync(host);
        var fired = await IncidentProcesses.WaitForTimerAsync(host, instanceId, t => t.Status == TimerStatus.Fired);
        Assert.Equal(1, fired.Attempts);
        Assert.Equal(0, (await SweepAsync(host)).Claimed);

        await using (var db = host.CreateDbContext())
        {
            Assert.Equal(1, await db.WorkflowJournal.CountAsync(j => j.InstanceId == instanceId && j.NodeId == "T_Wait" && j.Kind == JournalKind.Left));
            var child = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == instanceId);
            Assert.Equal((IncidentProcesses.Child, InstanceStatus.Running), (child.ProcessId, child.Status));
            Assert.Equal(WaitStatus.Open, (await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.InstanceId == child.Id)).Status);
            Assert.Equal(InstanceStatus.Running, (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId)).Status);
        }

        Assert.Equal(EngineOutcome.NoIncident, (await EngineAsync(host, e => e.RetryIncidentAsync(instanceId, null, "admin"))).Outcome);
    }
}

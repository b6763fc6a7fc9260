using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Web.Tests.Features.Workflows.Engine.EngineStoreTests;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>
/// A timer whose firing fails, on SQLite and PostgreSQL with the app's movable clock: retried after 1, 2, 4 and 8
/// minutes (never a second early), then Failed with an open incident; an administrator's retry makes it due again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TimerRetryTests(PostgresServer postgres)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failing_timer_is_retried_with_doubling_backoff_never_early_then_fails_with_an_incident(DatabaseProvider provider)
    {
        await using var app = await StartAppAsync(provider);
        await IncidentProcesses.PublishAsync(app);
        var instanceId = await StartTimerCallAsync(app);
        var due = app.Clock.GetUtcNow().AddHours(1);

        var attempts = await DriveToGiveUpAsync(app, instanceId);

        Assert.Equal([due, due.AddMinutes(1), due.AddMinutes(3), due.AddMinutes(7), due.AddMinutes(15)], attempts);
        var timer = await IncidentProcesses.TimerAsync(app, instanceId);
        Assert.Equal((TimerStatus.Failed, TimerSweeper.MaxAttempts), (timer.Status, timer.Attempts));
        var incident = Assert.Single(await IncidentProcesses.IncidentsAsync(app, instanceId));
        Assert.Equal(("T_Wait", (Guid?)null, (DateTimeOffset?)null, due.AddMinutes(15)), (incident.ElementId, incident.TokenId, incident.ResolvedAt, incident.At));
        Assert.Contains("failed 5 times", incident.Message);
        Assert.Contains("The called process 'timer-call-child' has no published version.", incident.Message);

        // A failed attempt stored nothing of its step: the instance still waits at the timer, no child was started.
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.WorkflowJournal.AnyAsync(j => j.InstanceId == instanceId && j.NodeId == "T_Wait" && j.Kind == JournalKind.Left));
            Assert.False(await db.WorkflowInstances.AnyAsync(i => i.ParentInstanceId == instanceId));
        }

        // A timer that gave up stays given up, however late it gets.
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await SweepAsync(app)).Claimed);
        Assert.Equal(TimerStatus.Failed, (await IncidentProcesses.TimerAsync(app, instanceId)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failed_timer_retried_after_the_fix_becomes_due_now_and_fires_once(DatabaseProvider provider)
    {
        await using var app = await StartAppAsync(provider);
        await IncidentProcesses.PublishAsync(app);
        var instanceId = await StartTimerCallAsync(app);
        var due = (await IncidentProcesses.TimerAsync(app, instanceId)).DueAt;
        await DriveToGiveUpAsync(app, instanceId);
        app.Clock.Advance(TimeSpan.FromHours(3));
        var retriedAt = app.Clock.GetUtcNow();

        await IncidentProcesses.PublishChildAsync(app);
        Assert.Equal(EngineOutcome.Retried, (await EngineAsync(app, e => e.RetryIncidentAsync(instanceId, null, "admin"))).Outcome);

        var reset = await IncidentProcesses.TimerAsync(app, instanceId);
        // Pending only if no sweep fired it yet; either way it is due now, with the attempts counted afresh.
        Assert.Equal(due, reset.DueAt);
        Assert.Equal(retriedAt, reset.NextAttemptAt);
        Assert.Equal(retriedAt, Assert.Single(await IncidentProcesses.IncidentsAsync(app, instanceId)).ResolvedAt);

        await SweepAsync(app);
        var fired = await IncidentProcesses.WaitForTimerAsync(app, instanceId, t => t.Status == TimerStatus.Fired);
        Assert.Equal(1, fired.Attempts);
        Assert.Equal(0, (await SweepAsync(app)).Claimed);

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.WorkflowJournal.CountAsync(j => j.InstanceId == instanceId && j.NodeId == "T_Wait" && j.Kind == JournalKind.Left));
            var child = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == instanceId);
            Assert.Equal((IncidentProcesses.Child, InstanceStatus.Running), (child.ProcessId, child.Status));
            Assert.Equal(WaitStatus.Open, (await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.InstanceId == child.Id)).Status);
            Assert.Equal(InstanceStatus.Running, (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId)).Status);
        }

        Assert.Equal(EngineOutcome.NoIncident, (await EngineAsync(app, e => e.RetryIncidentAsync(instanceId, null, "admin"))).Outcome);
    }

    /// <summary>
    /// Sweeps the instance's timer until it gives up, checking before each retry that a second early claims nothing.
    /// Returns the clock at each attempt. Whoever sweeps (the test or the app's minute job), the row tells.
    /// </summary>
    internal static async Task<List<DateTimeOffset>> DriveToGiveUpAsync(NspApp app, Guid instanceId)
    {
        var next = (await IncidentProcesses.TimerAsync(app, instanceId)).DueAt;
        var attempts = new List<DateTimeOffset>();
        for (var attempt = 1; ; attempt++)
        {
            app.Clock.SetUtcNow(next - Second);
            Assert.Equal(0, (await SweepAsync(app)).Claimed);
            Assert.Equal(attempt - 1, (await IncidentProcesses.TimerAsync(app, instanceId)).Attempts);

            app.Clock.SetUtcNow(next);
            attempts.Add(next);
            await SweepAsync(app);
            var timer = await IncidentProcesses.WaitForTimerAsync(app, instanceId, t => t.Attempts == attempt);
            // The engine refuses the step (it does not throw), naming the process the call needs.
            Assert.Equal("Refused: The called process 'timer-call-child' has no published version.", timer.LastError);
            if (attempt == TimerSweeper.MaxAttempts)
            {
                Assert.Equal(TimerStatus.Failed, timer.Status);
                return attempts;
            }

            Assert.Equal(TimerStatus.Pending, timer.Status);
            Assert.Empty(await IncidentProcesses.IncidentsAsync(app, instanceId));
            next += RetryBackoff.After(attempt);
            Assert.Equal(next, timer.NextAttemptAt);
        }
    }

    internal static async Task<Guid> StartTimerCallAsync(NspApp app)
    {
        var started = await EngineAsync(app, e => e.StartAsync(IncidentProcesses.TimerCall, null));
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        return started.InstanceId!.Value;
    }

    private async Task<NspApp> StartAppAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql
            ? await NspApp.StartAsync(provider, await postgres.CreateDatabaseAsync())
            : await NspApp.StartAsync(provider);
}

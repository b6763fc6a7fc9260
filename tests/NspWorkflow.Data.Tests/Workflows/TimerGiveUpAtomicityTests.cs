using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// A timer's last failed attempt gives up and raises the incident an administrator retries it from. The two are one
/// write: a failure between them (the database gone after the timer row changed) must not leave a timer that gave up
/// silently, with no incident to show it, on SQLite and PostgreSQL.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class TimerGiveUpAtomicityTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failure_storing_the_give_up_incident_leaves_the_timer_to_give_up_again_never_failed_without_an_incident(DatabaseProvider provider)
    {
        var fault = new IncidentInsertFault();
        // Every context the host makes meets the fault; a short lease, so the interrupted claim runs out within the test.
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres, services =>
        {
            services.ConfigureDbContext<NspDbContext>(builder => builder.AddInterceptors(fault));
            services.AddSingleton(new TimerSweepOptions { ClaimLease = TimeSpan.FromSeconds(4) });
        });
        await IncidentProcesses.PublishAsync(host);
        var instanceId = await IncidentProcesses.StartTimerCallAsync(host);
        for (var attempt = 1; attempt < TimerSweeper.MaxAttempts; attempt++)
            await AttemptAsync(host, instanceId, attempt);

        fault.Armed = true;
        host.Clock.SetUtcNow((await IncidentProcesses.TimerAsync(host, instanceId)).NextAttemptAt);
        try
        {
            await SweepAsync(host);
        }
        catch (DbUpdateException)
        {
            // This sweep met the fault; a crash would end it the same way.
        }

        await fault.Met.Task.WaitAsync(TimeSpan.FromSeconds(20));
        fault.Armed = false;

        // A timer that gave up without its incident would be invisible to the administrator, who retries from the list.
        var after = await IncidentProcesses.TimerAsync(host, instanceId);
        Assert.False(after.Status == TimerStatus.Failed && (await IncidentProcesses.IncidentsAsync(host, instanceId)).Count == 0,
            "The timer gave up, but no incident says so.");

        // Once the interrupted attempt's claim has run out (by the database's clock), the last attempt is made again and
        // gives up with its incident.
        for (var deadline = DateTime.UtcNow.AddSeconds(20); (await IncidentProcesses.TimerAsync(host, instanceId)).Status != TimerStatus.Failed;)
        {
            Assert.True(DateTime.UtcNow < deadline, "The timer did not give up within 20 seconds.");
            await SweepAsync(host);
        }

        var timer = await IncidentProcesses.WaitForTimerAsync(host, instanceId, t => t.Status == TimerStatus.Failed);
        Assert.Equal(TimerSweeper.MaxAttempts, timer.Attempts);
        var incident = Assert.Single(await IncidentProcesses.IncidentsAsync(host, instanceId));
        Assert.Equal(("T_Wait", (DateTimeOffset?)null), (incident.ElementId, incident.ResolvedAt));
        Assert.Contains("failed 5 times", incident.Message);
    }

    private static async Task AttemptAsync(StoreTestDatabase host, Guid instanceId, int attempt)
    {
        host.Clock.SetUtcNow((await IncidentProcesses.TimerAsync(host, instanceId)).NextAttemptAt);
        await SweepAsync(host);
        var timer = await IncidentProcesses.WaitForTimerAsync(host, instanceId, t => t.Attempts == attempt);
        Assert.Equal(TimerStatus.Pending, timer.Status);
    }

    /// <summary>While armed, refuses a save that adds an incident row, as a database that went away at that moment would.</summary>
    private sealed class IncidentInsertFault : SaveChangesInterceptor
    {
        public volatile bool Armed;

        public TaskCompletionSource Met { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<WorkflowIncidentRow>().Any(e => e.State == EntityState.Added))
            {
                Met.TrySetResult();
                throw new DbUpdateException("Simulated: the connection was lost before the incident was stored.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}

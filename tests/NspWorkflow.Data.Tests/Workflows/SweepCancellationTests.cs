using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// A node shutting down (Hangfire's shutdown token) in the middle of a timer's step: the step stores nothing, and the
/// timers of its batch, the interrupted one included, go back at once rather than when the claim runs out, so another
/// sweep fires each of them once without waiting; on SQLite and PostgreSQL.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class SweepCancellationTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_sweep_cancelled_in_the_middle_of_a_step_gives_its_timers_back_for_the_next_sweep(DatabaseProvider provider)
    {
        var shutdown = new ShutdownDuringStep();
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres, services => services.AddSingleton<IStepEffectHandler>(shutdown));
        await TestProcesses.PublishAsync(host);
        for (var i = 0; i < 3; i++)
            Assert.Equal(EngineOutcome.Started, (await EngineAsync(host, e => e.StartAsync("timer-only", null))).Outcome);
        host.Clock.Advance(TimeSpan.FromHours(1));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<TimerSweeper>().SweepAsync(100, shutdown.Token);
            }
            catch (OperationCanceledException)
            {
                // The shutdown reached the step's save: the sweep ends, as Hangfire's job would.
            }
        }

        // Same clock: nothing waits for the claim to run out.
        await SweepAsync(host);
        await SweepOutcome.WaitUntilSettledAsync(host);
        await using var db = host.CreateDbContext();
        Assert.Equal(3, await db.WorkflowTimers.CountAsync(t => t.Status == TimerStatus.Fired && t.Attempts == 1 && t.ClaimToken == null));
        Assert.Equal(3, await db.WorkflowInstances.CountAsync(i => i.ProcessId == "timer-only" && i.Status == InstanceStatus.Completed));
        Assert.Equal(3, await db.WorkflowJournal.CountAsync(j => j.NodeId == "End" && j.Kind == JournalKind.Entered));
        Assert.Empty(await db.WorkflowIncidents.ToListAsync());
    }

    /// <summary>Cancels <see cref="Token"/> when the first step reaches its save: a shutdown arriving mid-step.</summary>
    private sealed class ShutdownDuringStep : IStepEffectHandler
    {
        private readonly CancellationTokenSource source = new();

        public CancellationToken Token => source.Token;

        public Task BeforeSaveAsync(StepCommit commit, CancellationToken cancellationToken)
        {
            if (cancellationToken == source.Token)
                source.Cancel();
            return Task.CompletedTask;
        }

        public void AfterSave(StepCommit commit)
        {
        }
    }
}

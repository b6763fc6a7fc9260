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
/// Timers racing what else moves an instance, on SQLite and PostgreSQL: a claim whose node died is left alone while it
/// holds and taken over once it has run out; a message and a timer of one event-based gateway arriving together take
/// exactly one path, whichever stores first, and the other learns it lost.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class TimerRaceTests(PostgresServer postgres)
{
    private const string Gateway = "answer-or-timeout";

    /// <summary>"answer-or-timeout": an event-based gateway that waits for "answer" (by caseId) or an hour, each to its own end.</summary>
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_Race" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:message id="Message_Answer" name="answer" nsp:correlationKey="caseId" />
          <bpmn:process id="answer-or-timeout" isExecutable="true">
            <bpmn:startEvent id="E_Start" />
            <bpmn:sequenceFlow id="E_F1" sourceRef="E_Start" targetRef="E_Gate" />
            <bpmn:eventBasedGateway id="E_Gate" />
            <bpmn:sequenceFlow id="E_F2" sourceRef="E_Gate" targetRef="E_Answer" />
            <bpmn:sequenceFlow id="E_F3" sourceRef="E_Gate" targetRef="E_Timeout" />
            <bpmn:intermediateCatchEvent id="E_Answer">
              <bpmn:messageEventDefinition messageRef="Message_Answer" />
            </bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="E_Timeout">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="E_F4" sourceRef="E_Answer" targetRef="E_End_Answered" />
            <bpmn:sequenceFlow id="E_F5" sourceRef="E_Timeout" targetRef="E_End_TimedOut" />
            <bpmn:endEvent id="E_End_Answered" />
            <bpmn:endEvent id="E_End_TimedOut" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A claim no sweep takes over: leases are judged by the database's clock, which the test cannot move.</summary>
    private static readonly DateTimeOffset ClaimedForGood = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_claim_whose_node_died_is_left_alone_while_it_holds_and_fired_once_after_it_runs_out(DatabaseProvider provider)
    {
        // A short lease, so the test can wait for the database's clock to pass it.
        var lease = TimeSpan.FromSeconds(3);
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres,
            services => services.AddSingleton(new TimerSweepOptions { ClaimLease = lease }));
        await TestProcesses.PublishAsync(host);
        var instanceId = (await EngineAsync(host, e => e.StartAsync("timer-only", null))).InstanceId!.Value;
        host.Clock.Advance(TimeSpan.FromHours(1));
        // What a sweep writes when it claims the timer (by the database's clock); its node then dies before firing it.
        var dead = Guid.NewGuid();
        DateTimeOffset claimedUntil;
        await using (var db = host.CreateDbContext())
        {
            claimedUntil = await db.Database.UtcNowAsync(CancellationToken.None) + lease;
            Assert.Equal(1, await db.WorkflowTimers.Where(t => t.InstanceId == instanceId && t.ClaimToken == null).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.ClaimToken, dead)
                .SetProperty(t => t.ClaimedUntil, claimedUntil)));
        }

        // The app's clock is business time: moving it a day on does not end a claim the database's clock says holds.
        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await SweepAsync(host)).Claimed);
        var held = await IncidentProcesses.TimerAsync(host, instanceId);
        Assert.Equal((dead, TimerStatus.Pending, 0), (held.ClaimToken, held.Status, held.Attempts));

        await WaitForDatabaseClockAsync(host, claimedUntil);
        Assert.Equal(1, (await SweepAsync(host)).Fired);
        var fired = await IncidentProcesses.TimerAsync(host, instanceId);
        Assert.Equal(TimerStatus.Fired, fired.Status);
        Assert.Equal(1, fired.Attempts);
        Assert.Equal(0, (await SweepAsync(host)).Claimed);
        await using (var db = host.CreateDbContext())
        {
            Assert.Equal(InstanceStatus.Completed, (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId)).Status);
            Assert.Equal(1, await db.WorkflowJournal.CountAsync(j => j.InstanceId == instanceId && j.NodeId == "End" && j.Kind == JournalKind.Entered));
        }
    }

    /// <summary>Waits (at most 20 s) until the database's clock is past <paramref name="moment"/>.</summary>
    internal static async Task WaitForDatabaseClockAsync(StoreTestDatabase host, DateTimeOffset moment)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); ; await Task.Delay(100))
        {
            await using var db = host.CreateDbContext();
            if (await db.Database.UtcNowAsync(CancellationToken.None) > moment)
                return;
            Assert.True(DateTime.UtcNow < deadline, "The database's clock did not pass the claim within 20 seconds.");
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_message_stored_while_its_gateway_s_timer_fires_wins_and_the_timer_is_cancelled(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        var (instanceId, timerId) = await StartGatewayAsync(host, "case-1");
        host.Clock.Advance(TimeSpan.FromHours(1));

        EngineResult delivered = null!;
        var fired = await RaceAsync(host,
            engine => engine.FireTimerAsync(timerId),
            async () => delivered = await EngineAsync(host, e => e.DeliverMessageAsync("answer", "case-1", null)));

        Assert.Equal((EngineOutcome.Delivered, EngineOutcome.NotActive), (delivered.Outcome, fired.Outcome));
        await AssertOnePathAsync(host, instanceId, "E_End_Answered", TimerStatus.Cancelled);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_timer_stored_while_its_gateway_s_message_is_delivered_wins_and_the_message_finds_nobody(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        var (instanceId, timerId) = await StartGatewayAsync(host, "case-2");
        host.Clock.Advance(TimeSpan.FromHours(1));

        EngineResult fired = null!;
        var delivered = await RaceAsync(host,
            engine => engine.DeliverMessageAsync("answer", "case-2", null),
            async () => fired = await EngineAsync(host, e => e.FireTimerAsync(timerId)));

        Assert.Equal((EngineOutcome.Fired, EngineOutcome.NotFound), (fired.Outcome, delivered.Outcome));
        await AssertOnePathAsync(host, instanceId, "E_End_TimedOut", TimerStatus.Fired);
        Assert.Equal(0, (await SweepAsync(host)).Claimed);
    }

    /// <summary>
    /// Runs <paramref name="loser"/> on the host's engine, whose first save waits until <paramref name="winner"/> has
    /// stored its own step on the same instance: the loser's save meets a real conflict, and its one reload learns it lost.
    /// </summary>
    private static async Task<EngineResult> RaceAsync(StoreTestDatabase host, Func<WorkflowEngine, Task<EngineResult>> loser, Func<Task> winner)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var store = new WinnerBeforeFirstSave(scope.ServiceProvider.GetRequiredService<IInstanceStore>(), winner);
        var result = await loser(ActivatorUtilities.CreateInstance<WorkflowEngine>(scope.ServiceProvider, store));
        Assert.Equal((1, 1), (store.Saves, store.Reloads));
        return result;
    }

    private static async Task<(Guid InstanceId, Guid TimerId)> StartGatewayAsync(StoreTestDatabase host, string caseId)
    {
        await PublishFileAsync(host, Xml);
        var instanceId = (await EngineAsync(host, e => e.StartAsync(Gateway, new Dictionary<string, object?> { ["caseId"] = caseId }))).InstanceId!.Value;
        await using var db = host.CreateDbContext();
        var timerId = await db.WorkflowTimers.AsNoTracking().Where(t => t.InstanceId == instanceId).Select(t => t.Id).SingleAsync();
        // Claimed by the test, so no sweep takes the timer from the race below.
        await db.WorkflowTimers.Where(t => t.Id == timerId).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.ClaimToken, Guid.NewGuid())
            .SetProperty(t => t.ClaimedUntil, ClaimedForGood));
        return (instanceId, timerId);
    }

    private static async Task AssertOnePathAsync(StoreTestDatabase host, Guid instanceId, string end, TimerStatus timer)
    {
        await using var db = host.CreateDbContext();
        Assert.Equal(InstanceStatus.Completed, (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId)).Status);
        var ends = await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId && j.NodeId.StartsWith("E_End") && j.Kind == JournalKind.Entered)
            .Select(j => j.NodeId).ToListAsync();
        Assert.Equal([end], ends);
        Assert.Equal(timer, (await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId)).Status);
        Assert.Empty(await db.WorkflowMessageSubscriptions.AsNoTracking().Where(s => s.InstanceId == instanceId).ToListAsync());
    }

    /// <summary>Lets the winner store its step just before the first save; counts saves and reloads after that.</summary>
    private sealed class WinnerBeforeFirstSave(IInstanceStore inner, Func<Task> winner) : ForwardingInstanceStore(inner)
    {
        public int Saves { get; private set; }
        public int Reloads { get; private set; }

        public override async Task<SaveOutcome> SaveStepAsync(StepCommit commit, CancellationToken cancellationToken = default)
        {
            if (Saves++ == 0)
                await winner();
            return await base.SaveStepAsync(commit, cancellationToken);
        }

        public override Task<InstanceState?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default)
        {
            if (Saves > 0)
                Reloads++;
            return base.LoadAsync(instanceId, cancellationToken);
        }
    }
}

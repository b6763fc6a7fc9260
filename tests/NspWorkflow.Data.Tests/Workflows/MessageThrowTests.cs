using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// A thrown message (intermediate throw event, message end event) on SQLite and PostgreSQL: it resumes the instance
/// whose subscription to its name and key is oldest in the same commit as the throw, is dropped (and the thrower's journal
/// says so) when nobody waits, reaches another path of the throwing instance, and a step that would deliver or move too
/// much is refused and stores nothing.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class MessageThrowTests(PostgresServer postgres)
{
    /// <summary>
    /// "throw-sender": a review, then throws report-filed by caseId and waits at S_After. "throw-receiver": waits for it at a
    /// receive task, then at R_Next. "throw-to-itself": one path waits for report-filed, the other throws it at an end event.
    /// </summary>
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_Throw" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:message id="Message_Filed" name="report-filed" nsp:correlationKey="caseId" />
          <bpmn:process id="throw-sender" isExecutable="true">
            <bpmn:startEvent id="S_Start" />
            <bpmn:sequenceFlow id="S_1" sourceRef="S_Start" targetRef="S_Review" />
            <bpmn:userTask id="S_Review" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="S_2" sourceRef="S_Review" targetRef="S_Throw" />
            <bpmn:intermediateThrowEvent id="S_Throw"><bpmn:messageEventDefinition messageRef="Message_Filed" /></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="S_3" sourceRef="S_Throw" targetRef="S_After" />
            <bpmn:userTask id="S_After" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="S_4" sourceRef="S_After" targetRef="S_End" />
            <bpmn:endEvent id="S_End" />
          </bpmn:process>
          <bpmn:process id="throw-receiver" isExecutable="true">
            <bpmn:startEvent id="R_Start" />
            <bpmn:sequenceFlow id="R_1" sourceRef="R_Start" targetRef="R_Receive" />
            <bpmn:receiveTask id="R_Receive" messageRef="Message_Filed" />
            <bpmn:sequenceFlow id="R_2" sourceRef="R_Receive" targetRef="R_Next" />
            <bpmn:userTask id="R_Next" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="R_3" sourceRef="R_Next" targetRef="R_End" />
            <bpmn:endEvent id="R_End" />
          </bpmn:process>
          <bpmn:process id="throw-to-itself" isExecutable="true">
            <bpmn:startEvent id="T_Start" />
            <bpmn:sequenceFlow id="T_1" sourceRef="T_Start" targetRef="T_Fork" />
            <bpmn:parallelGateway id="T_Fork" />
            <bpmn:sequenceFlow id="T_2" sourceRef="T_Fork" targetRef="T_Receive" />
            <bpmn:sequenceFlow id="T_3" sourceRef="T_Fork" targetRef="T_Throw_End" />
            <bpmn:receiveTask id="T_Receive" messageRef="Message_Filed" />
            <bpmn:sequenceFlow id="T_4" sourceRef="T_Receive" targetRef="T_End" />
            <bpmn:endEvent id="T_End" />
            <bpmn:endEvent id="T_Throw_End"><bpmn:messageEventDefinition messageRef="Message_Filed" /></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_throw_resumes_the_oldest_correlated_waiting_instance_in_the_same_commit(DatabaseProvider provider)
    {
        var commits = new CommitRecorder();
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres, s => s.AddSingleton<IStepEffectHandler>(commits));
        await PublishFileAsync(host, Xml);
        var oldest = await StartAsync(host, "throw-receiver", "c-1");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var younger = await StartAsync(host, "throw-receiver", "c-1");
        var otherCase = await StartAsync(host, "throw-receiver", "c-2");
        var sender = await StartAsync(host, "throw-sender", "c-1");
        commits.Saved.Clear();
        var review = await OpenTaskAsync(host, sender, "S_Review");

        var completed = await EngineAsync(host, e => e.CompleteTaskAsync(review, "done", null, "alice"));

        Assert.Equal(EngineOutcome.Completed, completed.Outcome);
        var commit = Assert.Single(commits.Saved);
        Assert.Equal([sender, oldest], commit.Instances.Select(i => i.State.InstanceId));
        Assert.Equal(new MessageThrown("S_Throw", "report-filed", "c-1"), Assert.Single(commit.Instances[0].Effects.OfType<MessageThrown>()));
        await using var db = host.CreateDbContext();
        await OpenTaskAsync(host, sender, "S_After");
        await OpenTaskAsync(host, oldest, "R_Next");
        var waiting = await db.WorkflowMessageSubscriptions.AsNoTracking().Select(s => s.InstanceId).ToListAsync();
        Assert.Equal(new[] { younger, otherCase }.Order(), waiting.Order());
        var journal = await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == sender && j.NodeId == "S_Throw" && j.Kind == JournalKind.Left).SingleAsync();
        Assert.Equal($"message 'report-filed' delivered to instance {oldest}", journal.Detail);
        Assert.Contains(await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == oldest).ToListAsync(),
            j => j.NodeId == "R_Receive" && j.Kind == JournalKind.Left);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_throw_nobody_waits_for_is_dropped_the_thrower_goes_on_and_its_journal_says_so(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        await PublishFileAsync(host, Xml);
        var otherCase = await StartAsync(host, "throw-receiver", "c-2");
        var sender = await StartAsync(host, "throw-sender", "c-1");
        var review = await OpenTaskAsync(host, sender, "S_Review");

        var completed = await EngineAsync(host, e => e.CompleteTaskAsync(review, "done", null, "alice"));

        Assert.Equal(EngineOutcome.Completed, completed.Outcome);
        await OpenTaskAsync(host, sender, "S_After");
        await using var db = host.CreateDbContext();
        Assert.Equal(otherCase, (await db.WorkflowMessageSubscriptions.AsNoTracking().SingleAsync()).InstanceId);
        var journal = await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == sender && j.NodeId == "S_Throw" && j.Kind == JournalKind.Left).SingleAsync();
        Assert.Equal("message 'report-filed' dropped: no instance waited for it", journal.Detail);
        // A message is not kept for a later subscriber: an instance that starts waiting afterwards still waits.
        var late = await StartAsync(host, "throw-receiver", "c-1");
        Assert.Contains(await db.WorkflowMessageSubscriptions.AsNoTracking().Select(s => s.InstanceId).ToListAsync(), id => id == late);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_message_end_event_s_message_reaches_the_other_path_of_its_own_instance_and_leaves_no_subscription_row(
        DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        await PublishFileAsync(host, Xml);

        var instance = await StartAsync(host, "throw-to-itself", "c-1");

        await using var db = host.CreateDbContext();
        Assert.Equal(InstanceStatus.Completed, (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instance)).Status);
        Assert.False(await db.WorkflowMessageSubscriptions.AnyAsync());
        var journal = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instance).ToListAsync();
        Assert.Contains(journal, j => j.NodeId == "T_End" && j.Kind == JournalKind.Left);
        Assert.Contains(journal, j => j is { NodeId: "T_Throw_End", Kind: JournalKind.Left }
            && j.Detail == $"message 'report-filed' delivered to instance {instance}");
    }

    /// <summary>"listener" waits for note over and over; "double-note" throws note twice in a row.</summary>
    private const string Listeners = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_Listeners" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:message id="Message_Note" name="note" />
          <bpmn:process id="listener" isExecutable="true">
            <bpmn:startEvent id="N_Start" />
            <bpmn:sequenceFlow id="N_1" sourceRef="N_Start" targetRef="N_Catch" />
            <bpmn:intermediateCatchEvent id="N_Catch"><bpmn:messageEventDefinition messageRef="Message_Note" /></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="N_2" sourceRef="N_Catch" targetRef="N_Catch" />
          </bpmn:process>
          <bpmn:process id="double-note" isExecutable="true">
            <bpmn:startEvent id="D_Start" />
            <bpmn:sequenceFlow id="D_1" sourceRef="D_Start" targetRef="D_Throw" />
            <bpmn:intermediateThrowEvent id="D_Throw"><bpmn:messageEventDefinition messageRef="Message_Note" /></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="D_2" sourceRef="D_Throw" targetRef="D_Throw_Again" />
            <bpmn:intermediateThrowEvent id="D_Throw_Again"><bpmn:messageEventDefinition messageRef="Message_Note" /></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="D_3" sourceRef="D_Throw_Again" targetRef="D_End" />
            <bpmn:endEvent id="D_End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_subscription_made_in_the_step_comes_after_every_stored_one()
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(null);
        await PublishFileAsync(host, Listeners);
        var first = await StartAsync(host, "listener", null);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await StartAsync(host, "listener", null);

        var thrower = await StartAsync(host, "double-note", null);

        // The first note reaches the oldest listener, which at once waits again; the second reaches the other listener,
        // whose stored subscription is older than that new one.
        await using var db = host.CreateDbContext();
        var details = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == thrower && j.Kind == JournalKind.Left)
            .Where(j => j.NodeId == "D_Throw" || j.NodeId == "D_Throw_Again").OrderBy(j => j.Id).Select(j => j.Detail).ToListAsync();
        Assert.Equal([$"message 'note' delivered to instance {first}", $"message 'note' delivered to instance {second}"], details);
        var subscriptions = await db.WorkflowMessageSubscriptions.AsNoTracking().Select(s => s.InstanceId).ToListAsync();
        Assert.Equal(new[] { first, second }.Order(), subscriptions.Order());
    }

    /// <summary>"ping" throws ping and waits for pong, over and over; "pong" answers every ping with a pong.</summary>
    private const string PingPong = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_PingPong" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:message id="Message_Ping" name="ping" />
          <bpmn:message id="Message_Pong" name="pong" />
          <bpmn:process id="ping" isExecutable="true">
            <bpmn:startEvent id="P_Start" />
            <bpmn:sequenceFlow id="P_1" sourceRef="P_Start" targetRef="P_Throw" />
            <bpmn:intermediateThrowEvent id="P_Throw"><bpmn:messageEventDefinition messageRef="Message_Ping" /></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="P_2" sourceRef="P_Throw" targetRef="P_Catch" />
            <bpmn:intermediateCatchEvent id="P_Catch"><bpmn:messageEventDefinition messageRef="Message_Pong" /></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="P_3" sourceRef="P_Catch" targetRef="P_Throw" />
          </bpmn:process>
          <bpmn:process id="pong" isExecutable="true">
            <bpmn:startEvent id="Q_Start" />
            <bpmn:sequenceFlow id="Q_1" sourceRef="Q_Start" targetRef="Q_Catch" />
            <bpmn:intermediateCatchEvent id="Q_Catch"><bpmn:messageEventDefinition messageRef="Message_Ping" /></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="Q_2" sourceRef="Q_Catch" targetRef="Q_Throw" />
            <bpmn:intermediateThrowEvent id="Q_Throw"><bpmn:messageEventDefinition messageRef="Message_Pong" /></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="Q_3" sourceRef="Q_Throw" targetRef="Q_Catch" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Instances_that_answer_each_other_s_messages_for_ever_are_refused_and_store_nothing()
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(null);
        await PublishFileAsync(host, PingPong);
        var pong = await StartAsync(host, "pong", null);
        var before = await SequenceAsync(host, pong);

        var start = await EngineAsync(host, e => e.StartAsync("ping", null));

        Assert.Equal(EngineOutcome.Refused, start.Outcome);
        Assert.Contains("more than 50 thrown messages", start.Message, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.Equal([pong], await db.WorkflowInstances.AsNoTracking().Select(i => i.Id).ToListAsync());
        Assert.Equal(before, await SequenceAsync(host, pong));
        Assert.Equal(pong, (await db.WorkflowMessageSubscriptions.AsNoTracking().SingleAsync()).InstanceId);
    }

    /// <summary>"relay" waits for the baton and throws it on at its end; "relay-start" throws it at once.</summary>
    private const string Relay = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_Relay" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:message id="Message_Baton" name="baton" />
          <bpmn:process id="relay" isExecutable="true">
            <bpmn:startEvent id="L_Start" />
            <bpmn:sequenceFlow id="L_1" sourceRef="L_Start" targetRef="L_Catch" />
            <bpmn:intermediateCatchEvent id="L_Catch"><bpmn:messageEventDefinition messageRef="Message_Baton" /></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="L_2" sourceRef="L_Catch" targetRef="L_End" />
            <bpmn:endEvent id="L_End"><bpmn:messageEventDefinition messageRef="Message_Baton" /></bpmn:endEvent>
          </bpmn:process>
          <bpmn:process id="relay-start" isExecutable="true">
            <bpmn:startEvent id="K_Start" />
            <bpmn:sequenceFlow id="K_1" sourceRef="K_Start" targetRef="K_End" />
            <bpmn:endEvent id="K_End"><bpmn:messageEventDefinition messageRef="Message_Baton" /></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData(2, EngineOutcome.Refused)]
    [InlineData(3, EngineOutcome.Started)]
    public async Task A_chain_of_deliveries_moves_every_instance_in_one_commit_up_to_the_step_s_instance_limit(int limit, EngineOutcome outcome)
    {
        await using var host = await StoreTestDatabase.CreateAsync(Relay, StoreTestDatabase.AppOptions with { MaxInstancesPerStep = limit });
        var first = await StartAsync(host, "relay", null);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await StartAsync(host, "relay", null);

        var start = await EngineAsync(host, e => e.StartAsync("relay-start", null));

        Assert.Equal(outcome, start.Outcome);
        await using var db = host.CreateDbContext();
        var statuses = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == first || i.Id == second).Select(i => i.Status).ToListAsync();
        if (outcome == EngineOutcome.Refused)
        {
            Assert.Contains($"more than {limit} instances; delivering message 'baton'", start.Message, StringComparison.Ordinal);
            Assert.Equal([InstanceStatus.Running, InstanceStatus.Running], statuses);
            Assert.Equal(2, await db.WorkflowMessageSubscriptions.CountAsync());
            Assert.Equal(2, await db.WorkflowInstances.CountAsync());
        }
        else
        {
            Assert.Equal([InstanceStatus.Completed, InstanceStatus.Completed], statuses);
            Assert.False(await db.WorkflowMessageSubscriptions.AnyAsync());
        }
    }

    private static async Task<Guid> StartAsync(StoreTestDatabase host, string process, string? caseId)
    {
        var started = await EngineAsync(host, e => e.StartAsync(process, caseId is null ? null : new Dictionary<string, object?> { ["caseId"] = caseId }));
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        return started.InstanceId!.Value;
    }

    private static async Task<Guid> OpenTaskAsync(StoreTestDatabase host, Guid instanceId, string nodeId)
    {
        await using var db = host.CreateDbContext();
        return await db.WorkflowTasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.NodeId == nodeId && t.Status == WaitStatus.Open).Select(t => t.Id).SingleAsync();
    }

    private static async Task<long> SequenceAsync(StoreTestDatabase host, Guid instanceId)
    {
        await using var db = host.CreateDbContext();
        return (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId)).Sequence;
    }

    /// <summary>The commits the engine stored, as its step handlers hear of them.</summary>
    private sealed class CommitRecorder : IStepEffectHandler
    {
        public List<StepCommit> Saved { get; } = [];

        public Task BeforeSaveAsync(StepCommit commit, CancellationToken cancellationToken) => Task.CompletedTask;

        public void AfterSave(StepCommit commit) => Saved.Add(commit);
    }
}

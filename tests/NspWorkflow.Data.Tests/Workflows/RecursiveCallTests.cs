using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// Processes that call themselves, or each other, before anything waits, on SQLite and PostgreSQL: the start is refused
/// with a message naming the called process, and nothing is stored, instead of failing with the step's internal limit
/// (an exception, a server error to whoever started it).
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class RecursiveCallTests(PostgresServer postgres)
{
    /// <summary>"calls-itself" calls itself at once; "ping" calls "pong", which calls "ping".</summary>
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_Recursive" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="calls-itself" isExecutable="true">
            <bpmn:startEvent id="S_Start" />
            <bpmn:sequenceFlow id="S_1" sourceRef="S_Start" targetRef="S_Call" />
            <bpmn:callActivity id="S_Call" calledElement="calls-itself" />
            <bpmn:sequenceFlow id="S_2" sourceRef="S_Call" targetRef="S_End" />
            <bpmn:endEvent id="S_End" />
          </bpmn:process>
          <bpmn:process id="ping" isExecutable="true">
            <bpmn:startEvent id="P_Start" />
            <bpmn:sequenceFlow id="P_1" sourceRef="P_Start" targetRef="P_Call" />
            <bpmn:callActivity id="P_Call" calledElement="pong" />
            <bpmn:sequenceFlow id="P_2" sourceRef="P_Call" targetRef="P_End" />
            <bpmn:endEvent id="P_End" />
          </bpmn:process>
          <bpmn:process id="pong" isExecutable="true">
            <bpmn:startEvent id="Q_Start" />
            <bpmn:sequenceFlow id="Q_1" sourceRef="Q_Start" targetRef="Q_Call" />
            <bpmn:callActivity id="Q_Call" calledElement="ping" />
            <bpmn:sequenceFlow id="Q_2" sourceRef="Q_Call" targetRef="Q_End" />
            <bpmn:endEvent id="Q_End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_process_that_calls_itself_or_its_caller_before_waiting_is_refused_and_stores_nothing(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        await PublishFileAsync(host, Xml);

        foreach (var (process, called) in new[] { ("calls-itself", new[] { "calls-itself" }), ("ping", ["ping", "pong"]) })
        {
            var start = await EngineAsync(host, e => e.StartAsync(process, null));

            Assert.Equal(EngineOutcome.Refused, start.Outcome);
            Assert.Contains(called, name => start.Message!.Contains($"'{name}' is called again and again before anything waits", StringComparison.Ordinal));
        }

        await using var db = host.CreateDbContext();
        Assert.False(await db.WorkflowInstances.AnyAsync());
        Assert.False(await db.WorkflowJournal.AnyAsync());
    }
}

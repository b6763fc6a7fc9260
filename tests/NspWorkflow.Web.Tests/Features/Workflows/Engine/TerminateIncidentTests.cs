using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>
/// A terminate end event ends every path, a path stopped by an incident too: when the incident and the terminate happen
/// in one step, the administrator must not be left with an open incident of a terminated instance that no retry can reach.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TerminateIncidentTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    /// <summary>
    /// "fork-terminate": a fork into a gateway whose condition needs the missing <c>amount</c> and a terminate end event.
    /// "call-terminate": a fork into a call of "failing-child" (which stops at the same gateway at once) and a terminate end event.
    /// </summary>
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_Terminate" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="fork-terminate" isExecutable="true">
            <bpmn:startEvent id="F_Start" />
            <bpmn:sequenceFlow id="F_F1" sourceRef="F_Start" targetRef="F_Fork" />
            <bpmn:parallelGateway id="F_Fork" />
            <bpmn:sequenceFlow id="F_ToGate" sourceRef="F_Fork" targetRef="F_Gate" />
            <bpmn:sequenceFlow id="F_ToStop" sourceRef="F_Fork" targetRef="F_Stop" />
            <bpmn:exclusiveGateway id="F_Gate" default="F_Small" />
            <bpmn:sequenceFlow id="F_Big" sourceRef="F_Gate" targetRef="F_End_Big">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">amount &gt; 10</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F_Small" sourceRef="F_Gate" targetRef="F_End_Small" />
            <bpmn:endEvent id="F_End_Big" />
            <bpmn:endEvent id="F_End_Small" />
            <bpmn:endEvent id="F_Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
          </bpmn:process>
          <bpmn:process id="failing-child" isExecutable="true">
            <bpmn:startEvent id="C_Start" />
            <bpmn:sequenceFlow id="C_F1" sourceRef="C_Start" targetRef="C_Gate" />
            <bpmn:exclusiveGateway id="C_Gate" default="C_Small" />
            <bpmn:sequenceFlow id="C_Big" sourceRef="C_Gate" targetRef="C_End_Big">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">amount &gt; 10</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="C_Small" sourceRef="C_Gate" targetRef="C_End_Small" />
            <bpmn:endEvent id="C_End_Big" />
            <bpmn:endEvent id="C_End_Small" />
          </bpmn:process>
          <bpmn:process id="call-terminate" isExecutable="true">
            <bpmn:startEvent id="P_Start" />
            <bpmn:sequenceFlow id="P_F1" sourceRef="P_Start" targetRef="P_Fork" />
            <bpmn:parallelGateway id="P_Fork" />
            <bpmn:sequenceFlow id="P_ToCall" sourceRef="P_Fork" targetRef="P_Call" />
            <bpmn:sequenceFlow id="P_ToStop" sourceRef="P_Fork" targetRef="P_Stop" />
            <bpmn:callActivity id="P_Call" calledElement="failing-child" />
            <bpmn:sequenceFlow id="P_F2" sourceRef="P_Call" targetRef="P_End" />
            <bpmn:endEvent id="P_End" />
            <bpmn:endEvent id="P_Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_incident_and_a_terminate_end_event_in_one_step_leave_no_open_incident(DatabaseProvider provider)
    {
        await using var app = provider == DatabaseProvider.PostgreSql
            ? await NspApp.StartAsync(provider, await postgres.CreateDatabaseAsync())
            : await NspApp.StartAsync(provider);
        await PublishFileAsync(app, Xml);

        var forked = await EngineAsync(app, e => e.StartAsync("fork-terminate", null));
        var called = await EngineAsync(app, e => e.StartAsync("call-terminate", null));

        Assert.Equal((EngineOutcome.Started, EngineOutcome.Started), (forked.Outcome, called.Outcome));
        await using var scope = app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<WorkflowIncidentQueries>();
        Assert.Empty(await queries.ListOpenAsync(100, CancellationToken.None));
        Assert.Equal(new InstanceIncidentStatus(forked.InstanceId!.Value, InstanceStatus.Terminated, 0),
            await queries.StatusAsync(forked.InstanceId.Value, CancellationToken.None));
        Assert.Equal(new InstanceIncidentStatus(called.InstanceId!.Value, InstanceStatus.Terminated, 0),
            await queries.StatusAsync(called.InstanceId.Value, CancellationToken.None));
        Assert.Equal(EngineOutcome.NoIncident, (await EngineAsync(app, e => e.RetryIncidentAsync(forked.InstanceId.Value, null, "admin"))).Outcome);
    }
}

using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// A called process that ends at an error end event, on SQLite and PostgreSQL: in the commit that completes the child's
/// last task, the child ends terminated and the caller leaves its call activity by the error boundary event.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ChildErrorTests(PostgresServer postgres)
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_ChildError" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="error-parent" isExecutable="true">
            <bpmn:startEvent id="P_Start" />
            <bpmn:sequenceFlow id="P_F1" sourceRef="P_Start" targetRef="P_Call" />
            <bpmn:callActivity id="P_Call" calledElement="error-child" />
            <bpmn:sequenceFlow id="P_F2" sourceRef="P_Call" targetRef="P_End" />
            <bpmn:endEvent id="P_End" />
            <bpmn:boundaryEvent id="P_Missing" attachedToRef="P_Call"><bpmn:errorEventDefinition errorRef="Error_Missing" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="P_F3" sourceRef="P_Missing" targetRef="P_Handle" />
            <bpmn:userTask id="P_Handle" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="P_F4" sourceRef="P_Handle" targetRef="P_End_Handled" />
            <bpmn:endEvent id="P_End_Handled" />
          </bpmn:process>
          <bpmn:process id="error-child" isExecutable="true">
            <bpmn:startEvent id="C_Start" />
            <bpmn:sequenceFlow id="C_F1" sourceRef="C_Start" targetRef="C_Task" />
            <bpmn:userTask id="C_Task" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="C_F2" sourceRef="C_Task" targetRef="C_Error" />
            <bpmn:endEvent id="C_Error"><bpmn:errorEventDefinition errorRef="Error_Missing" /></bpmn:endEvent>
          </bpmn:process>
          <bpmn:error id="Error_Missing" name="Document missing" errorCode="document-missing" />
        </bpmn:definitions>
        """;

    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_child_s_error_end_event_resumes_the_caller_by_its_error_boundary_in_the_same_commit(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        await PublishFileAsync(host, Xml);

        var started = await EngineAsync(host, e => e.StartAsync("error-parent", null));
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        var parentId = started.InstanceId!.Value;
        Guid childTaskId;
        await using (var db = host.CreateDbContext())
        {
            var child = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == parentId);
            childTaskId = (await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.InstanceId == child.Id)).Id;
        }

        var completed = await EngineAsync(host, e => e.CompleteTaskAsync(childTaskId, "done", null, "Cecilia Coordinator"));

        Assert.Equal(EngineOutcome.Completed, completed.Outcome);
        await using (var db = host.CreateDbContext())
        {
            var child = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == parentId);
            Assert.Equal(InstanceStatus.Terminated, child.Status);
            var parent = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == parentId);
            Assert.Equal(InstanceStatus.Running, parent.Status);
            var open = await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == parentId && t.Status == WaitStatus.Open).ToListAsync();
            Assert.Equal(["P_Handle"], open.Select(t => t.NodeId));
            Assert.False(await db.WorkflowIncidents.AnyAsync(i => i.InstanceId == parentId || i.InstanceId == child.Id));
        }
    }
}

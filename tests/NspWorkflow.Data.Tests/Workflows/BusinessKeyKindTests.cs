using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// A business key has a kind: of the variables the host names (here an invoice's before a case's), the first the instance
/// has gives the key and its kind, on the instance row and on each task the step creates (SQLite and PostgreSQL).
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class BusinessKeyKindTests(PostgresServer postgres)
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="D" targetNamespace="t">
          <bpmn:process id="key-test" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
            <bpmn:userTask id="Task" nsp:assigneeRole="coordinator"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
            <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
            <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static readonly WorkflowEngineOptions Options =
        new(BusinessKeys: [new BusinessKeyVariable("invoice", "invoiceId"), new BusinessKeyVariable("case", "caseId")]);

    [Theory]
    [InlineData(false, "case", "c-1", null, "case", "c-1")]
    [InlineData(false, "invoice", null, "i-7", "invoice", "i-7")]
    [InlineData(false, "both", "c-1", "i-7", "invoice", "i-7")]
    [InlineData(false, "neither", null, null, null, null)]
    [InlineData(true, "both", "c-1", "i-7", "invoice", "i-7")]
    [InlineData(true, "neither", null, null, null, null)]
    public async Task The_first_named_variable_the_instance_has_gives_the_key_and_its_kind(
        bool onPostgreSql, string scenario, string? caseId, string? invoiceId, string? kind, string? key)
    {
        await using var database = await StoreTestDatabase.CreateAsync(onPostgreSql ? postgres : null, Xml, Options, "coordinator");
        var variables = new Dictionary<string, object?> { ["scenario"] = scenario };
        if (caseId is not null)
            variables["caseId"] = caseId;
        if (invoiceId is not null)
            variables["invoiceId"] = invoiceId;

        await using var scope = database.Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartAsync("key-test", variables);

        Assert.Equal(EngineOutcome.Started, started.Outcome);
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == started.InstanceId);
        var task = await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.InstanceId == started.InstanceId);
        Assert.Equal((kind, key), (instance.BusinessKeyKind, instance.BusinessKey));
        Assert.Equal((kind, key), (task.BusinessKeyKind, task.BusinessKey));
    }
}

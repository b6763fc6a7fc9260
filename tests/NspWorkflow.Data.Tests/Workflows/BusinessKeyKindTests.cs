using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// A business key has a kind: of the variables the host names (here an invoice's before a case's), the first the instance
/// has gives the key and its kind, on the instance row and on each task the step creates.
/// </summary>
public sealed class BusinessKeyKindTests : IAsyncLifetime
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

    private StoreTestDatabase database = null!;

    public async Task InitializeAsync() => database = await StoreTestDatabase.CreateAsync(Xml,
        new WorkflowEngineOptions(BusinessKeys: [new BusinessKeyVariable("invoice", "invoiceId"), new BusinessKeyVariable("case", "caseId")]),
        "coordinator");

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("case", "c-1", null, "case", "c-1")]
    [InlineData("invoice", null, "i-7", "invoice", "i-7")]
    [InlineData("both", "c-1", "i-7", "invoice", "i-7")]
    [InlineData("neither", null, null, null, null)]
    public async Task The_first_named_variable_the_instance_has_gives_the_key_and_its_kind(
        string scenario, string? caseId, string? invoiceId, string? kind, string? key)
    {
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

using System.Text.Json;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>
/// The NSP handlers' refusals on the real app: an administrator's incident list shows their fixed sentences, which say
/// what to fix, and a domain rule a handler broke is named by its field and code (any other exception would show its
/// type only).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HandlerIncidentTests
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_Handler_Incidents" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="record-decision-check" isExecutable="true">
            <bpmn:startEvent id="R_Start" />
            <bpmn:sequenceFlow id="R_F1" sourceRef="R_Start" targetRef="R_Record" />
            <bpmn:serviceTask id="R_Record" nsp:handler="record-decision" />
            <bpmn:sequenceFlow id="R_F2" sourceRef="R_Record" targetRef="R_End" />
            <bpmn:endEvent id="R_End" />
          </bpmn:process>
          <bpmn:process id="close-case-check" isExecutable="true">
            <bpmn:startEvent id="C_Start" />
            <bpmn:sequenceFlow id="C_F1" sourceRef="C_Start" targetRef="C_Close" />
            <bpmn:serviceTask id="C_Close" nsp:handler="close-case" />
            <bpmn:sequenceFlow id="C_F2" sourceRef="C_Close" targetRef="C_End" />
            <bpmn:endEvent id="C_End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_refusing_NSP_handler_shows_its_sentence_in_the_administrators_incident_list()
    {
        await using var app = await NspApp.StartAsync();
        await PublishFileAsync(app, Xml);
        var noOutcome = await StartAsync(app, "record-decision-check", []);
        var noCase = await StartAsync(app, "close-case-check", new Dictionary<string, object?> { ["caseId"] = Guid.NewGuid().ToString() });
        // A case still waiting for admission cannot close: the domain refuses, the incident names the rule.
        var driver = await CaseDriver.StartAsync(app);
        var (applied, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var notActive = await StartAsync(app, "close-case-check",
            new Dictionary<string, object?> { ["caseId"] = applied.ToString(), ["decision"] = "end" });

        using var admin = await app.ApiClientAsync("demo-admin");
        var body = await admin.GetStringAsync("/api/workflows/incidents");
        var incidents = JsonDocument.Parse(body).RootElement.EnumerateArray()
            .ToDictionary(i => i.GetProperty("instanceId").GetGuid(), i => (i.GetProperty("elementId").GetString(), i.GetProperty("message").GetString()));

        Assert.Equal(("R_Record", "The handler 'record-decision' failed: There is no 'outcome' to record as the decision."), incidents[noOutcome]);
        Assert.Equal(("C_Close", "The handler 'close-case' failed: The workflow names a case that does not exist."), incidents[noCase]);
        Assert.Equal(("C_Close", "The handler 'close-case' failed: The change breaks 1 rule(s): status WrongStatus."), incidents[notActive]);
    }

    private static async Task<Guid> StartAsync(NspApp app, string processId, Dictionary<string, object?> variables)
    {
        var started = await EngineAsync(app, e => e.StartAsync(processId, variables));
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        return started.InstanceId!.Value;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>
/// A retry from /admin/incidents that the engine refuses says why: the engine's reason names the process that has no
/// published version, so the administrator knows what to fix. On SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IncidentRefusalPageTests(PostgresServer postgres)
{
    private const string Page = "/admin/incidents";
    private const string Process = "later-call";
    private const string Child = "later-call-child";

    /// <summary>
    /// "later-call": a gateway that cannot decide before <c>openFrom</c> (its condition then reads a variable nobody set:
    /// an incident) and afterwards leads into a call of "later-call-child", which stays a draft. The page retries without
    /// variables, so time is the fix that lets the retry reach the call.
    /// </summary>
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_LaterCall" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="later-call" isExecutable="true">
            <bpmn:startEvent id="L_Start" />
            <bpmn:sequenceFlow id="L_F1" sourceRef="L_Start" targetRef="L_Gate" />
            <bpmn:exclusiveGateway id="L_Gate" default="L_Never" />
            <bpmn:sequenceFlow id="L_Open" sourceRef="L_Gate" targetRef="L_Call">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">now() &gt;= new Date(openFrom) || notYetKnown</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="L_Never" sourceRef="L_Gate" targetRef="L_End_Never" />
            <bpmn:callActivity id="L_Call" calledElement="later-call-child" />
            <bpmn:sequenceFlow id="L_F2" sourceRef="L_Call" targetRef="L_End" />
            <bpmn:endEvent id="L_End" />
            <bpmn:endEvent id="L_End_Never" />
          </bpmn:process>
          <bpmn:process id="later-call-child" isExecutable="true">
            <bpmn:startEvent id="LC_Start" />
            <bpmn:sequenceFlow id="LC_F1" sourceRef="LC_Start" targetRef="LC_Task" />
            <bpmn:userTask id="LC_Task" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="LC_F2" sourceRef="LC_Task" targetRef="LC_End" />
            <bpmn:endEvent id="LC_End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_refused_retry_shows_the_engines_reason_and_the_incident_stays(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        await PublishFileAsync(app, Xml, processId => processId != Child);
        var started = await EngineAsync(app, e => e.StartAsync(Process,
            new Dictionary<string, object?> { ["openFrom"] = app.Clock.GetUtcNow().AddHours(1).ToString("O") }));
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        var instanceId = started.InstanceId!.Value;
        app.Clock.Advance(TimeSpan.FromHours(2));
        using var admin = await app.SignInAsync("admin");
        var page = await admin.GetStringAsync(Page);
        Assert.Contains("<th scope=\"row\">later-call / L_Gate</th>", page);

        var response = await admin.PostAsync($"{Page}?handler=Retry&id={instanceId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", NspApp.AntiforgeryToken(page))]));

        response.EnsureSuccessStatusCode();
        Assert.Equal(Page, response.RequestMessage!.RequestUri!.AbsolutePath);
        var after = await PagesClient.ReadAsync(response);
        Assert.Contains("<p class=\"notice\" role=\"status\">Försöket avvisades och ingenting ändrades. Orsak: "
            + "The called process 'later-call-child' has no published version.</p>", after);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(after, "<th scope=\"row\">later-call / L_Gate</th>"));
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "workflow.retry"));
            Assert.False(await db.WorkflowInstances.AnyAsync(i => i.ParentInstanceId == instanceId));
        }

        // The reason is shown once, right after the retry; a reload keeps only the generic notice (it is not in the URL).
        Assert.DoesNotContain("later-call-child", response.RequestMessage.RequestUri.Query);
        var reloaded = await PagesClient.ReadAsync(await admin.GetAsync(response.RequestMessage.RequestUri));
        Assert.Contains("<p class=\"notice\" role=\"status\">Försöket avvisades.</p>", reloaded);

        // With the called process published the same retry goes on.
        await PublishChildAsync(app);
        var retried = await admin.PostAsync($"{Page}?handler=Retry&id={instanceId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", NspApp.AntiforgeryToken(reloaded))]));
        Assert.Contains("Instansen fortsätter.", await PagesClient.ReadAsync(retried));
    }

    /// <summary>The administrator's fix: publish the draft of the called process.</summary>
    private static async Task PublishChildAsync(NspApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<DefinitionCatalog>();
        var draft = Assert.Single(await catalog.ListVersionsAsync(Child));
        Assert.IsType<PublishResult.Published>(await catalog.PublishAsync(Child, draft.Version));
    }
}

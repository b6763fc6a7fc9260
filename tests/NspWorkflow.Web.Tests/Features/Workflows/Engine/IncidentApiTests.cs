using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>The administrators' incident API on the real app: who may use it, the list, and a retry with and without the fix.</summary>
[Collection(AppCollection.Name)]
public sealed class IncidentApiTests
{
    private const string Incidents = "/api/workflows/incidents";

    [Fact]
    public async Task Only_an_administrator_may_list_and_retry_incidents()
    {
        await using var app = await NspApp.StartAsync();
        await IncidentProcesses.PublishAsync(app);
        var instanceId = await StartGatewayCheckAsync(app);
        var retry = $"/api/workflows/instances/{instanceId}/retry";

        using var admin = await app.ApiClientAsync("demo-admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Incidents)).StatusCode);
        foreach (var clientId in new[] { "demo-coordinator", "demo-shelter-1", "demo-reader" })
        {
            using var other = await app.ApiClientAsync(clientId);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Incidents)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync(retry, new { variables = new { amount = 20 } })).StatusCode);
        }

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Incidents)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(retry, null)).StatusCode);
        // A signed-in administrator's cookie does not open the API: it takes bearer tokens only.
        using var cookie = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync(Incidents)).StatusCode);

        // Nothing the refused callers sent was applied: the instance still has its incident.
        Assert.Single(await ListAsync(admin), i => i.GetProperty("instanceId").GetGuid() == instanceId);
    }

    [Fact]
    public async Task The_list_shows_where_an_instance_stopped_without_its_variables_and_a_retry_with_the_fix_continues_it()
    {
        await using var app = await NspApp.StartAsync();
        await IncidentProcesses.PublishAsync(app);
        var instanceId = await StartGatewayCheckAsync(app);
        using var admin = await app.ApiClientAsync("demo-admin");

        var listed = await admin.GetAsync(Incidents);
        var body = await listed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Confidential note 4711", body);
        var incident = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        Assert.Equal(["at", "elementId", "id", "instanceId", "message", "processId"], incident.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(instanceId, incident.GetProperty("instanceId").GetGuid());
        Assert.Equal(("gateway-check", "Gate"), (incident.GetProperty("processId").GetString(), incident.GetProperty("elementId").GetString()));
        Assert.Contains("G_Big", incident.GetProperty("message").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), incident.GetProperty("at").GetDateTimeOffset());
        var retry = $"/api/workflows/instances/{instanceId}/retry";

        // Without the fix: the step runs again and stops again; the list still shows the one incident.
        var again = await admin.PostAsync(retry, null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var againBody = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Retried", "Incident", 1),
            (againBody.GetProperty("outcome").GetString(), againBody.GetProperty("status").GetString(), againBody.GetProperty("openIncidents").GetInt32()));
        Assert.Single(await ListAsync(admin));

        // A variable that cannot be used is refused and changes nothing.
        var refused = await admin.PostAsJsonAsync(retry, new { variables = new Dictionary<string, object> { ["not-a-name"] = 1 } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Single(await ListAsync(admin));

        var fixedRetry = await admin.PostAsJsonAsync(retry, new { variables = new { amount = 20 } });
        Assert.Equal(HttpStatusCode.OK, fixedRetry.StatusCode);
        var fixedBody = await fixedRetry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Retried", "Running", 0),
            (fixedBody.GetProperty("outcome").GetString(), fixedBody.GetProperty("status").GetString(), fixedBody.GetProperty("openIncidents").GetInt32()));
        Assert.Equal(instanceId, fixedBody.GetProperty("instanceId").GetGuid());
        Assert.Empty(await ListAsync(admin));

        // Who retried: the journal at the gateway and the audit log name the administrator; the audit names the
        // instance, not the variables sent. The refused retry changed nothing and is not in the audit.
        await using (var db = app.CreateDbContext())
        {
            var journal = await db.WorkflowJournal.AsNoTracking()
                .Where(j => j.InstanceId == instanceId && j.Kind == JournalKind.IncidentRetried).ToListAsync();
            Assert.Equal([("Gate", "demo-admin"), ("Gate", "demo-admin")], journal.Select(j => (j.NodeId, j.Actor)));
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "workflow.retry").ToListAsync();
            Assert.Equal(2, audit.Count);
            Assert.All(audit, a => Assert.Equal(("demo-admin", instanceId.ToString()), (a.Actor, a.Detail)));
        }

        var nothing = await admin.PostAsync(retry, null);
        Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);
        Assert.Equal("application/problem+json", nothing.Content.Headers.ContentType?.MediaType);
        var unknown = await admin.PostAsync($"/api/workflows/instances/{Guid.NewGuid()}/retry", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_retry_into_a_call_of_an_unpublished_process_answers_422_naming_the_process_and_changes_nothing()
    {
        await using var app = await NspApp.StartAsync();
        await IncidentProcesses.PublishAsync(app);
        var instanceId = (await EngineAsync(app, e => e.StartAsync(IncidentProcesses.CallCheck, null))).InstanceId!.Value;
        using var admin = await app.ApiClientAsync("demo-admin");

        var refused = await admin.PostAsJsonAsync($"/api/workflows/instances/{instanceId}/retry", new { variables = new { amount = 20 } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The called process 'timer-call-child' has no published version.", problem.GetProperty("detail").GetString());
        var incident = Assert.Single(await ListAsync(admin));
        Assert.Equal((instanceId, "K_Gate"), (incident.GetProperty("instanceId").GetGuid(), incident.GetProperty("elementId").GetString()));
        await using var db = app.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "workflow.retry"));
        Assert.False(await db.WorkflowJournal.AnyAsync(j => j.InstanceId == instanceId && j.Kind == JournalKind.IncidentRetried));
    }

    [Fact]
    public async Task Variables_sent_for_an_instance_whose_only_incidents_are_failed_timers_are_refused_with_422()
    {
        await using var app = await NspApp.StartAsync();
        await IncidentProcesses.PublishAsync(app);
        var instanceId = await IncidentProcesses.StartTimerCallAsync(app);
        await IncidentProcesses.DriveTimerCallToGiveUpAsync(app, instanceId);
        using var admin = await app.ApiClientAsync("demo-admin");
        var retry = $"/api/workflows/instances/{instanceId}/retry";

        var refused = await admin.PostAsJsonAsync(retry, new { variables = new { amount = 20 } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Variables can only be fixed for an element incident; this instance's incidents are failed timers.",
            problem.GetProperty("detail").GetString());
        // Nothing was retried: the timer is still given up and its incident open.
        Assert.Equal(TimerStatus.Failed, (await IncidentProcesses.TimerAsync(app, instanceId)).Status);
        Assert.Single(await ListAsync(admin), i => i.GetProperty("instanceId").GetGuid() == instanceId);

        // Without variables the timer retry goes through, and the audit names the administrator.
        var retried = await admin.PostAsync(retry, null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Empty(await ListAsync(admin));
        await using var db = app.CreateDbContext();
        var audit = Assert.Single(await db.AuditEntries.AsNoTracking().Where(a => a.Action == "workflow.retry").ToListAsync());
        Assert.Equal(("demo-admin", instanceId.ToString()), (audit.Actor, audit.Detail));
    }

    internal static async Task<Guid> StartGatewayCheckAsync(NspApp app)
    {
        // "note" stands for what a case's variables may hold: it must never reach the list.
        var started = await EngineAsync(app, e => e.StartAsync(IncidentProcesses.GatewayCheck,
            new Dictionary<string, object?> { ["note"] = "Confidential note 4711" }));
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        return started.InstanceId!.Value;
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient admin) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>(Incidents)).EnumerateArray()];
}

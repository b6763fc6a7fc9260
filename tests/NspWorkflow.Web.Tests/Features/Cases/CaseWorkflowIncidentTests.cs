using System.Net;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// An instance of a case stopped by an error: its case's instance view lists the incident, an administrator retries it
/// there (the coordinator sees it and may not), and the incidents page links the instance to that view.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CaseWorkflowIncidentTests
{
    [Fact]
    public async Task The_instance_view_lists_an_incident_of_the_case_an_administrator_retries_it_there_and_the_incidents_page_links_to_it()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        await IncidentProcesses.PublishAsync(app);
        // The gateway's condition needs a variable the start lacks; the case id makes the instance the case's.
        var started = await EngineCalls.EngineAsync(app, e => e.StartAsync(IncidentProcesses.GatewayCheck,
            new Dictionary<string, object?> { ["caseId"] = id.ToString(), ["note"] = "Confidential note 4711" }));
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        var instanceId = started.InstanceId!.Value;
        var view = $"/cases/{id}/workflow?instance={instanceId}";

        using var admin = await app.SignInAsync("admin");
        var incidents = await admin.GetStringAsync("/admin/incidents");
        Assert.Contains($"<a href=\"/cases/{id}/workflow?instance={instanceId}\">Visa instansen i ärendet</a>", incidents);
        var page = await admin.GetStringAsync(view);
        Assert.Contains("<h2 id=\"incidents-heading\">Öppna incidenter</h2>", page);
        Assert.Contains("<th scope=\"row\">Gate</th>", page);
        Assert.Contains("aria-label=\"Försök igen: gateway-check / Gate\"", page);
        Assert.DoesNotContain("Confidential note 4711", page);

        using var coordinator = await app.SignInAsync("coordinator");
        var seen = await coordinator.GetStringAsync(view);
        Assert.Contains("En administratör kan köra steget igen.", seen);
        Assert.DoesNotContain("Försök igen", seen);
        var refused = await coordinator.PostAsync($"/cases/{id}/workflow?handler=Retry&instance={instanceId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", NspApp.AntiforgeryToken(seen))]));
        // Refused (403, or the access-denied page a browser is sent to), never run.
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.RequestMessage!.RequestUri!.AbsolutePath != $"/cases/{id}/workflow",
            $"The coordinator's retry was not refused: {(int)refused.StatusCode} at {refused.RequestMessage?.RequestUri}");

        // Without the fix the step runs again and stops again; the view says so and still lists the incident once.
        var retried = await admin.PostAsync($"/cases/{id}/workflow?handler=Retry&instance={instanceId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", NspApp.AntiforgeryToken(page))]));
        retried.EnsureSuccessStatusCode();
        Assert.Equal($"/cases/{id}/workflow", retried.RequestMessage!.RequestUri!.AbsolutePath);
        var after = await retried.Content.ReadAsStringAsync();
        Assert.Contains("Stegen kördes igen men instansen stannade på nytt. Se felet i listan.", after);
        var listed = after[after.IndexOf("id=\"incidents-heading\"", StringComparison.Ordinal)..after.IndexOf("id=\"steps-heading\"", StringComparison.Ordinal)];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(listed, "<th scope=\"row\">Gate</th>"));
    }
}

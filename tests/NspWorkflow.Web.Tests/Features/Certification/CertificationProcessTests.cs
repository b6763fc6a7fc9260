using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Certification;

/// <summary>
/// A shelter through certification on SQLite and PostgreSQL, as the coordinator and the shelter do it: the questionnaire
/// (returned once), the visit with one requirement not met, its action reported and accepted on the certification page,
/// and the grant: a year from the day (the test clock stands at 2 March 2026, so to 1 March 2027).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CertificationProcessTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_coordinator_runs_a_shelter_through_the_questionnaire_the_visit_its_action_plan_and_the_grant(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        using var coordinator = await app.SignInAsync("coordinator");
        using var shelter = await app.SignInAsync("shelter-1");

        var id = await StartAsync(coordinator, CaseDriver.ShelterNorth);
        // The shelter gets the questionnaire as a task, by mail with its link and nothing else about it.
        var questionnaire = await OpenTaskAsync(driver.Shelter, "certification-questionnaire");
        var mail = (await driver.MailAsync()).Last(m => m.GetProperty("text").GetString()!.Contains($"/tasks/{questionnaire}", StringComparison.Ordinal));
        Assert.Contains("nord@demoboende.example", mail.GetProperty("to").EnumerateArray().Select(t => t.GetString()));

        // Every requirement answered, and a comment where one is not met; refused naming each, and nothing stored.
        var incomplete = await driver.CompleteAsync(driver.Shelter, questionnaire, "submit",
            Questionnaire(DefaultRequirements.All.Where(r => r.Key != "barn").Select(r => Answer(r.Key, met: r.Key != "skydd"))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Equal(["data.answers.barn", "data.answers.skydd.comment"], (await CaseDriver.FieldErrorsAsync(incomplete)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Questionnaire", await StageAsync(app, id));

        await CompleteOkAsync(driver, driver.Shelter, questionnaire, "submit", Questionnaire(DefaultRequirements.All.Select(r => Answer(r.Key, met: true))));
        var review = await OpenTaskAsync(driver.Coordinator, "certification-review");
        var noComment = await driver.CompleteAsync(driver.Coordinator, review, "send-back");
        Assert.Equal(["data.comment"], (await CaseDriver.FieldErrorsAsync(noComment)).Keys);
        await CompleteOkAsync(driver, driver.Coordinator, review, "send-back", new { reason = "Beskriv rutinerna för hotbedömning." });

        // Back with the shelter, with the coordinator's words on its questionnaire; submitted again and accepted.
        var again = await OpenTaskAsync(driver.Shelter, "certification-questionnaire");
        Assert.Contains("Beskriv rutinerna för hotbedömning.", await shelter.GetStringAsync($"/tasks/{again}"), StringComparison.Ordinal);
        await CompleteOkAsync(driver, driver.Shelter, again, "submit", Questionnaire(DefaultRequirements.All.Select(r => Answer(r.Key, met: true))));
        await CompleteOkAsync(driver, driver.Coordinator, await OpenTaskAsync(driver.Coordinator, "certification-review"), "accept");

        // The visit finds the protection routines lacking: "all met" contradicts that; the action plan is recorded.
        var visit = await OpenTaskAsync(driver.Coordinator, "certification-visit");
        var findings = DefaultRequirements.All.Select(r => new { key = r.Key, met = r.Key != "skydd", note = (string?)null }).ToList();
        var contradicted = await driver.CompleteAsync(driver.Coordinator, visit, "all-met", new { date = "2026-03-02", findings, actions = Array.Empty<object>() });
        Assert.Equal(["data.findings.skydd"], (await CaseDriver.FieldErrorsAsync(contradicted)).Keys);
        await CompleteOkAsync(driver, driver.Coordinator, visit, "action-plan", new
        {
            date = "2026-03-02", findings,
            actions = new[] { new { requirementKey = "skydd", text = "Skriftlig rutin för hotbedömning", deadline = "2026-04-30" } },
        });

        // The grant waits for the plan.
        var grant = await OpenTaskAsync(driver.Coordinator, "certification-grant");
        var early = await driver.CompleteAsync(driver.Coordinator, grant, "grant");
        Assert.Equal(["data.actionPlan"], (await CaseDriver.FieldErrorsAsync(early)).Keys);

        // Another shelter does not see it; the reader sees no certification at all.
        using (var south = await app.SignInAsync("shelter-2"))
            Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/certification/{id}")).StatusCode);
        using (var reader = await app.SignInAsync("reader"))
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/certification/{id}")).StatusCode);

        // The shelter reports the action done with a file; the coordinator accepts it on the certification page.
        var action = await ActionIdAsync(app, id);
        var reported = await PostAsync(shelter, id, "Report", new() { ["actionId"] = action.ToString(), ["comment"] = "Rutinen är antagen av styrelsen." },
            ("file", "rutin.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        Assert.Contains("Rutinen är antagen av styrelsen.", await reported.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(shelter, id, "Accept", new() { ["actionId"] = action.ToString() })).StatusCode);
        var file = await coordinator.GetAsync($"/certification/{id}?handler=ReportFile&actionId={action}");
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(coordinator, id, "Accept", new() { ["actionId"] = action.ToString() })).StatusCode);

        await CompleteOkAsync(driver, driver.Coordinator, grant, "grant");
        await using var db = app.CreateDbContext();
        var north = await db.Shelters.SingleAsync(s => s.Id == CaseDriver.ShelterNorth);
        Assert.Equal(new DateOnly(2027, 3, 1), north.CertifiedUntil);
        Assert.Equal("Granted", await StageAsync(app, id));
        Assert.Contains("2027-03-01", await coordinator.GetStringAsync($"/certification/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_starts_at_once_give_one_certification_and_the_second_is_told()
    {
        await using var app = await NspApp.StartAsync();
        using var coordinator = await app.SignInAsync("coordinator");
        using var shelter = await app.SignInAsync("shelter-1");
        var token = NspApp.AntiforgeryToken(await coordinator.GetStringAsync("/certification"));
        var shelterToken = NspApp.AntiforgeryToken(await shelter.GetStringAsync("/certification"));

        var both = await Task.WhenAll(
            coordinator.PostAsync("/certification?handler=Start", Form(token, CaseDriver.ShelterNorth)),
            shelter.PostAsync("/certification?handler=Start", Form(shelterToken, CaseDriver.ShelterNorth)));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(both, r => r.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/certification/", StringComparison.Ordinal));
        Assert.Contains("Boendet har redan en certifiering mot årets krav.", await both.Single(r => r.RequestMessage!.RequestUri!.AbsolutePath == "/certification")
            .Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Certifications.CountAsync(c => c.ShelterId == CaseDriver.ShelterNorth));
        Assert.Equal(1, await db.WorkflowTasks.CountAsync(t => t.FormKey == "certification-questionnaire"));
    }

    private static FormUrlEncodedContent Form(string token, Guid shelterId) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["shelterId"] = shelterId.ToString() });

    /// <summary>Starts the shelter's certification from the overview, as the coordinator does; its id from the page it leads to.</summary>
    public static async Task<Guid> StartAsync(HttpClient client, Guid shelterId)
    {
        var token = NspApp.AntiforgeryToken(await client.GetStringAsync("/certification"));
        var started = await client.PostAsync("/certification?handler=Start", Form(token, shelterId));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Contains("Certifieringen är startad.", await started.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return Guid.Parse(started.RequestMessage!.RequestUri!.AbsolutePath["/certification/".Length..]);
    }

    private static object Answer(string key, bool met) => new { key, met, comment = (string?)null };

    private static object Questionnaire(IEnumerable<object> answers) => new
    {
        profile = "Skyddat boende för kvinnor och deras barn i norra Sverige.",
        women = true, men = false, accompanyingChildren = true, activeSubstanceAbuse = false, places = 6, exploitationForms = new[] { "Sexual" },
        answers = answers.ToList(),
    };

    private static async Task<Guid> OpenTaskAsync(HttpClient client, string form)
    {
        var tasks = await client.GetFromJsonAsync<JsonElement>("/api/tasks?status=open");
        return tasks.EnumerateArray().Single(t => t.GetProperty("formKey").GetString() == form).GetProperty("id").GetGuid();
    }

    private static async Task CompleteOkAsync(CaseDriver driver, HttpClient client, Guid task, string outcome, object? data = null)
    {
        var response = await driver.CompleteAsync(client, task, outcome, data);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{outcome} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<string> StageAsync(NspApp app, Guid id)
    {
        await using var db = app.CreateDbContext();
        return (await db.Certifications.SingleAsync(c => c.Id == id)).Stage;
    }

    private static async Task<Guid> ActionIdAsync(NspApp app, Guid id)
    {
        await using var db = app.CreateDbContext();
        return CertificationDocument.Read(await db.Certifications.SingleAsync(c => c.Id == id)).ActionPlan.Single().Id;
    }

    /// <summary>A post to the certification page with its antiforgery token and the version the page shows.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string handler, Dictionary<string, string> values,
        (string Name, string FileName, byte[] Content)? file = null)
    {
        var page = await client.GetStringAsync($"/certification/{id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(NspApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(System.Text.RegularExpressions.Regex.Match(page, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value), "version" },
        };
        foreach (var (name, value) in values)
            form.Add(new StringContent(value), name);
        if (file is { } f)
            form.Add(new ByteArrayContent(f.Content), f.Name, f.FileName);
        return await client.PostAsync($"/certification/{id}?handler={handler}", form);
    }
}

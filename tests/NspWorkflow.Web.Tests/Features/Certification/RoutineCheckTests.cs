using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Certification;

/// <summary>
/// The yearly routine check on SQLite and PostgreSQL, as the shelter and the coordinator do it: the shelter's report
/// (refused without a training in the year), sent back once, and completed, which renews the certification a year from
/// its current last day. The test clock stands at 2 March 2026; the demo shelters are seeded certified a year from then.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RoutineCheckTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_shelter_reports_the_year_the_coordinator_sends_it_back_once_and_completes_it_which_renews_the_certification_a_year(
        DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        using var coordinator = await app.SignInAsync("coordinator");
        using var shelter = await app.SignInAsync("shelter-1");
        Assert.Equal(new DateOnly(2027, 3, 2), await CertifiedUntilAsync(app));

        var id = await StartAsync(coordinator, CaseDriver.ShelterNorth);
        Assert.Contains("Väntar på boendets rapport", await shelter.GetStringAsync("/certification"), StringComparison.Ordinal);
        var report = await OpenTaskAsync(driver.Shelter, "routine-check-report");
        var mail = (await driver.MailAsync()).Last(m => m.GetProperty("text").GetString()!.Contains($"/tasks/{report}", StringComparison.Ordinal));
        Assert.Contains("nord@demoboende.example", mail.GetProperty("to").EnumerateArray().Select(t => t.GetString()));

        // Only last year's training: none in the check's year. Half a row is named by its row as sent; the rows after an
        // empty one keep their place.
        var lastYear = await driver.CompleteAsync(driver.Shelter, report, "submit", Report(Training("2025-11-20", "Nätverksträff")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lastYear.StatusCode);
        Assert.Equal(["data.trainings"], (await CaseDriver.FieldErrorsAsync(lastYear)).Keys);
        var half = await driver.CompleteAsync(driver.Shelter, report, "submit",
            Report(Training(null, null), Training("2026-02-10", "Erfarenhetsutbyte"), Training(null, "Webbinarium")));
        Assert.Equal(["data.trainings[2].date"], (await CaseDriver.FieldErrorsAsync(half)).Keys);
        var tomorrow = await driver.CompleteAsync(driver.Shelter, report, "submit", Report(Training(null, null), Training("2026-03-03", "Nätverksträff")));
        Assert.Equal(["data.trainings", "data.trainings[1].date"], (await CaseDriver.FieldErrorsAsync(tomorrow)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Open", await StatusAsync(app, id));

        await CompleteOkAsync(driver, driver.Shelter, report, "submit", Report(Training("2026-02-10", "Plattformens utbildning om människohandel")));
        var check = await OpenTaskAsync(driver.Coordinator, "routine-check");
        var noComment = await driver.CompleteAsync(driver.Coordinator, check, "send-back");
        Assert.Equal(["data.comment"], (await CaseDriver.FieldErrorsAsync(noComment)).Keys);
        await CompleteOkAsync(driver, driver.Coordinator, check, "send-back", new { comment = "Ange även antalet medföljande barn." });

        // Back with the shelter, with the coordinator's words on its report, which starts from the earlier one; submitted
        // again on the page, which sends every row: a half row is refused at its field, the summary linking to it.
        var again = await OpenTaskAsync(driver.Shelter, "routine-check-report");
        var page = await PagesClient.OpenTaskAsync(shelter, again);
        Assert.Contains("Ange även antalet medföljande barn.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Plattformens utbildning om människohandel\"", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Input.Statistics.PersonsContacted"] = "42", ["Input.Statistics.PersonsHoused"] = "9", ["Input.Statistics.AccompanyingChildren"] = "4",
            ["Input.Trainings[0].Date"] = "2026-02-10", ["Input.Trainings[0].Event"] = "Plattformens utbildning om människohandel",
            ["Input.Trainings[1].Date"] = "", ["Input.Trainings[1].Event"] = "", ["Input.Trainings[2].Date"] = "", ["Input.Trainings[2].Event"] = "Webbinarium",
        };
        var refused = await PagesClient.PressAsync(shelter, again, page, "submit", fields);
        Assert.Contains("href=\"#training-2-date\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Open", await StatusAsync(app, id));
        fields["Input.Trainings[2].Event"] = "";
        Assert.Equal(HttpStatusCode.OK, (await PagesClient.PressAsync(shelter, again, page, "submit", fields)).StatusCode);
        Assert.Equal("Submitted", await StatusAsync(app, id));
        check = await OpenTaskAsync(driver.Coordinator, "routine-check");
        Assert.Contains("Godkänn och förnya certifieringen", await coordinator.GetStringAsync($"/tasks/{check}"), StringComparison.Ordinal);

        // Another shelter does not see it, nor its task; the reader sees no routine check at all.
        using (var south = await app.SignInAsync("shelter-2"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/certification/routine/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/tasks/{again}")).StatusCode);
        }
        using (var southApi = await app.ApiClientAsync("demo-shelter-2"))
            Assert.Equal(HttpStatusCode.NotFound, (await driver.CompleteAsync(southApi, check, "complete")).StatusCode);
        using (var reader = await app.SignInAsync("reader"))
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/certification/routine/{id}")).StatusCode);

        // Completed while valid: a year after the current last day (2 March 2027), not a year from today.
        await CompleteOkAsync(driver, driver.Coordinator, check, "complete");
        Assert.Equal(new DateOnly(2028, 3, 2), await CertifiedUntilAsync(app));
        Assert.Equal("Completed", await StatusAsync(app, id));
        var done = await coordinator.GetStringAsync($"/certification/routine/{id}");
        Assert.Contains("2028-03-02", done, StringComparison.Ordinal);
        Assert.Contains("Genomförd, certifieringen förnyad", done, StringComparison.Ordinal);
        // The decisions (sent back, renewed) by mail with the check's link, never the comment.
        var decisions = (await driver.MailAsync()).Select(m => m.GetProperty("text").GetString()!)
            .Where(text => text.Contains($"/certification/routine/{id}", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, decisions.Count);
        Assert.Single(decisions, text => text.Contains("årets rutinkontroll: certifieringen förnyad i ett år.", StringComparison.Ordinal));
        Assert.All(decisions, text => Assert.DoesNotContain("Ange även", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_starts_at_once_give_one_routine_check_and_the_second_is_told()
    {
        await using var app = await NspApp.StartAsync();
        using var coordinator = await app.SignInAsync("coordinator");
        using var shelter = await app.SignInAsync("shelter-1");
        var token = NspApp.AntiforgeryToken(await coordinator.GetStringAsync("/certification"));
        var shelterToken = NspApp.AntiforgeryToken(await shelter.GetStringAsync("/certification"));

        var both = await Task.WhenAll(
            coordinator.PostAsync("/certification?handler=StartRoutineCheck", Form(token, CaseDriver.ShelterNorth)),
            shelter.PostAsync("/certification?handler=StartRoutineCheck", Form(shelterToken, CaseDriver.ShelterNorth)));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(both, r => r.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/certification/routine/", StringComparison.Ordinal));
        Assert.Contains("Boendet har redan en rutinkontroll för året.", await both.Single(r => r.RequestMessage!.RequestUri!.AbsolutePath == "/certification")
            .Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.RoutineChecks.CountAsync(c => c.ShelterId == CaseDriver.ShelterNorth));
        Assert.Equal(1, await db.WorkflowTasks.CountAsync(t => t.FormKey == "routine-check-report"));
    }

    private static FormUrlEncodedContent Form(string token, Guid shelterId) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["shelterId"] = shelterId.ToString() });

    /// <summary>Starts the shelter's routine check from the overview, as the coordinator does; its id from the page it leads to.</summary>
    private static async Task<Guid> StartAsync(HttpClient client, Guid shelterId)
    {
        var token = NspApp.AntiforgeryToken(await client.GetStringAsync("/certification"));
        var started = await client.PostAsync("/certification?handler=StartRoutineCheck", Form(token, shelterId));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Contains("Rutinkontrollen är startad.", await started.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return Guid.Parse(started.RequestMessage!.RequestUri!.AbsolutePath["/certification/routine/".Length..]);
    }

    private static object Training(string? date, string? name) => new { date, @event = name };

    private static object Report(params object[] trainings) => new
    {
        statistics = new { personsContacted = 42, personsHoused = 9, accompanyingChildren = 4 },
        trainings,
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

    private static async Task<string> StatusAsync(NspApp app, Guid id)
    {
        await using var db = app.CreateDbContext();
        return (await db.RoutineChecks.SingleAsync(c => c.Id == id)).Status;
    }

    private static async Task<DateOnly?> CertifiedUntilAsync(NspApp app)
    {
        await using var db = app.CreateDbContext();
        return (await db.Shelters.SingleAsync(s => s.Id == CaseDriver.ShelterNorth)).CertifiedUntil;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>The case page's timeline and comments: what it shows, in which order and by whom, who may comment, and that a comment is stored encrypted.</summary>
[Collection(AppCollection.Name)]
public sealed partial class CaseTimelineTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string Reason = "Kvittot gäller ett annat inköp.";
    private const string ShelterNote = "Hon har fått tolk och sover bättre.";
    private const string CoordinatorNote = "Noterat, vi följer upp vid nästa avstämning.";

    private NspApp App => shared.App;

    [Fact]
    public async Task The_timeline_tells_the_case_in_order_with_who_and_a_comment_is_stored_encrypted_and_never_mailed()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        using var coordinator = await App.SignInAsync("coordinator");
        using var shelter = await App.SignInAsync("shelter-1");
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        await PressAsync(coordinator, await driver.OpenTaskAsync(id, "admission-review"), "approve");
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await driver.SubmitPointInterventionAsync(id, "clothes", 500m, "Vinterkläder")).IsSuccessStatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        await PressAsync(coordinator, await driver.OpenTaskAsync(id, "point-intervention-review"), "reject",
            new Dictionary<string, string> { ["Input.Reason"] = Reason });
        // Into the reflection's last week: the reminder that it ends goes out.
        await driver.AdvanceDaysAsync(24);
        await AssertBackOnCaseAsync(id, await PostAsync(shelter, id, "PoliceReport",
            new() { ["Police.Date"] = driver.Today.ToString("yyyy-MM-dd"), ["Police.MmmGranted"] = "false" }), "Polisanmälan är registrerad.");
        await AssertBackOnCaseAsync(id, await PostAsync(shelter, id, "Comment", new() { ["Comment.Text"] = ShelterNote }), "Kommentaren är sparad.");
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await AssertBackOnCaseAsync(id, await PostAsync(coordinator, id, "Comment", new() { ["Comment.Text"] = CoordinatorNote }), "Kommentaren är sparad.");

        var page = await PagesClient.ReadAsync(await shelter.GetAsync($"/cases/{id}"));
        var entries = Entries(page);

        Assert.Equal(["period", "application", "decision", "point-intervention", "decision", "reminder", "police-report", "comment", "comment"],
            entries.Select(e => e.Kind));
        Assert.Equal(("Demoboende Nord", "Ansökan om stöd skickad"), (entries[1].Who, entries[1].What));
        Assert.Equal(("Karin Samordnare", "Granska ansökan: godkänd"), (entries[2].Who, entries[2].What));
        Assert.Equal(("Demoboende Nord", "Ansökan om punktinsats: Kläder, 500 kr. Avslagen", Reason), (entries[3].Who, entries[3].What, entries[3].Text));
        Assert.Equal(("Karin Samordnare", "Granska punktinsats: avslagen"), (entries[4].Who, entries[4].What));
        Assert.Equal(("Systemet", "Påminnelse skickad till boendet: perioden slutar snart"), (entries[5].Who, entries[5].What));
        Assert.Equal("Polisanmälan gjord. Betänketid enligt MMM inte beviljad", entries[6].What);
        Assert.Equal(("Sofia på Demoboende Nord", ShelterNote), (entries[7].Who, entries[7].Text));
        Assert.Equal(("Karin Samordnare", CoordinatorNote), (entries[8].Who, entries[8].Text));
        Assert.Contains($"<time datetime=\"{driver.Today:yyyy-MM-dd}\">", page);

        await using var db = App.CreateDbContext();
        var rows = await db.CaseComments.AsNoTracking().Where(c => c.CaseId == id).OrderBy(c => c.At).ToListAsync();
        Assert.Equal([("Sofia på Demoboende Nord", "shelter"), ("Karin Samordnare", "coordinator")], rows.Select(r => (r.Author, r.AuthorRole)));
        Assert.All(rows, r =>
        {
            Assert.DoesNotContain("tolk", r.ProtectedText, StringComparison.Ordinal);
            Assert.DoesNotContain("Noterat", r.ProtectedText, StringComparison.Ordinal);
        });
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.CaseId == id && a.Action == "case.comment").ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Null(a.Detail));
        Assert.False(await db.OutboxMails.AnyAsync(m => m.TextBody.Contains("tolk") || m.TextBody.Contains("Noterat")));
    }

    [Fact]
    public async Task Only_the_coordinator_and_the_cases_shelter_comment_and_an_empty_comment_names_the_field()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        using var other = await App.SignInAsync("shelter-2");
        using var reader = await App.SignInAsync("reader");
        using var admin = await App.SignInAsync("admin");
        using var shelter = await App.SignInAsync("shelter-1");

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, id, "Comment", new() { ["Comment.Text"] = "Fel ärende" }, "/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(reader, id, "Comment", new() { ["Comment.Text"] = "Läsaren" }, "/")).StatusCode);
        Assert.DoesNotContain("id=\"Comment_Text\"", await admin.GetStringAsync($"/cases/{id}"));
        // An administrator reads the case but is refused a comment (to the access-denied page, not back to the case).
        var refused = await PostAsync(admin, id, "Comment", new() { ["Comment.Text"] = "Administratören" });
        Assert.NotEqual($"/cases/{id}", refused.RequestMessage!.RequestUri!.AbsolutePath);

        var empty = await PostAsync(shelter, id, "Comment", new() { ["Comment.Text"] = "   " });

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await PagesClient.ReadAsync(empty);
        Assert.Contains("<a href=\"#Comment_Text\">Kommentar måste anges.</a>", html);
        Assert.Contains("aria-describedby=\"Comment_Text-hint Comment-Text-error\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        await using var db = App.CreateDbContext();
        Assert.False(await db.CaseComments.AnyAsync(c => c.CaseId == id));
    }

    [Fact]
    public async Task The_api_gives_the_timeline_to_readers_of_the_case_and_takes_comments_from_its_shelter()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var other = await App.ApiClientAsync("demo-shelter-2");
        var reader = await App.ApiClientAsync("demo-reader");

        Assert.Equal(HttpStatusCode.Created, (await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/comments", new { text = ShelterNote })).StatusCode);
        var empty = await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/comments", new { text = " " });
        Assert.Contains("text", (await CaseDriver.FieldErrorsAsync(empty)).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/cases/{id}/comments", new { text = "Fel ärende" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/cases/{id}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{id}/timeline")).StatusCode);

        var timeline = await driver.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline");
        var kinds = timeline.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["application", "comment"], kinds);
        Assert.Equal(ShelterNote, timeline[1].GetProperty("text").GetString());
    }

    private sealed record Entry(string Kind, string Who, string What, string? Text);

    private static List<Entry> Entries(string page)
    {
        var list = Regex.Match(page, "<ol class=\"timeline\">(.*?)</ol>", RegexOptions.Singleline);
        Assert.True(list.Success, "The page has the timeline.");
        return [.. ItemPattern().Matches(list.Value).Select(m => new Entry(m.Groups["kind"].Value,
            Inner(m.Value, "span class=\"who\"", "span")!, Inner(m.Value, "p class=\"what\"", "p")!, Inner(m.Value, "p class=\"text\"", "p")))];
    }

    private static string? Inner(string html, string open, string close)
    {
        var match = Regex.Match(html, $"<{open}>(.*?)</{close}>", RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex("<li data-kind=\"(?<kind>[^\"]+)\">.*?</li>", RegexOptions.Singleline)]
    private static partial Regex ItemPattern();

    private static async Task PressAsync(HttpClient session, Guid taskId, string outcome, IReadOnlyDictionary<string, string>? fields = null)
    {
        var response = await PagesClient.PressAsync(session, taskId, await PagesClient.OpenTaskAsync(session, taskId), outcome, fields);
        // The session follows redirects: a decision taken leaves the task's page.
        Assert.True(response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath != $"/tasks/{taskId}",
            $"{outcome} gave {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
    }

    /// <summary>Posts a form of the case page with a token from a page the session may open (its own case page by default).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient session, Guid id, string handler, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var page = await session.GetStringAsync(tokenFrom ?? $"/cases/{id}");
        fields["__RequestVerificationToken"] = NspApp.AntiforgeryToken(page);
        return await session.PostAsync($"/cases/{id}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    /// <summary>Posted, redirected back to the case (the session follows redirects), and the notice says it is done.</summary>
    private static async Task AssertBackOnCaseAsync(Guid id, HttpResponseMessage response, string notice)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/cases/{id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"<p class=\"notice\" role=\"status\">{notice}</p>", await PagesClient.ReadAsync(response));
    }
}

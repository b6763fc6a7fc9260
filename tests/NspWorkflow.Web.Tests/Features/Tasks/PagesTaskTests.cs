using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Tasks;

/// <summary>The task pages a shelter reaches from its mail and the coordinator from the inbox, in a signed-in session.</summary>
[Collection(AppCollection.Name)]
public sealed class PagesTaskTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private NspApp App => shared.App;

    [Fact]
    public async Task The_mailed_task_link_opens_for_the_shelter_and_is_not_found_for_another_shelter()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        await driver.CompleteOkAsync(driver.Coordinator, id, "admission-review", "complete", new { reason = "Beskriv behovet av tolk närmare" });
        var taskId = await driver.OpenTaskAsync(id, "admission-completion");

        // The link exactly as the shelter's mail carries it.
        var mail = (await driver.MailAsync()).Single(m => m.GetProperty("text").GetString()!.Contains($"/tasks/{taskId}"));
        var link = new Uri(Regex.Match(mail.GetProperty("text").GetString()!, @"Öppna uppgiften: (\S+)").Groups[1].Value);
        Assert.Equal($"/tasks/{taskId}", link.AbsolutePath);

        using var shelter = await App.SignInAsync("shelter-1");
        var page = await shelter.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = await PagesClient.ReadAsync(page);
        Assert.Contains("Komplettera ansökan", text);
        Assert.Contains(reference, text);
        Assert.Contains(">Skicka in</button>", text);
        // What the coordinator asked for, and the application it is about, are on the task page.
        Assert.Contains("<dt>Komplettering som samordnaren begärt</dt>", text);
        Assert.Contains("<dd>Beskriv behovet av tolk närmare</dd>", text);
        Assert.Contains("<dd>Rumänien</dd>", text);
        Assert.Contains("<a href=\"/tasks\">Tillbaka till uppgifter</a>", text);

        using var other = await App.SignInAsync("shelter-2");
        var refused = await other.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(reference, await PagesClient.ReadAsync(refused));

        // The shelter's own task list leads to it; the other shelter's does not show it.
        Assert.Contains($"href=\"/tasks/{taskId}\"", await shelter.GetStringAsync("/tasks"));
        Assert.DoesNotContain($"/tasks/{taskId}", await other.GetStringAsync("/tasks"));
    }

    [Fact]
    public async Task The_coordinator_approves_an_admission_from_the_inbox_and_the_case_gets_its_reflection_period()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var taskId = await driver.OpenTaskAsync(id, "admission-review");
        using var coordinator = await App.SignInAsync("coordinator");

        var inbox = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/inbox"));
        var row = Regex.Match(inbox, $"<tr>\\s*<th scope=\"row\">{reference}</th>.*?</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "The inbox lists the waiting review by its case reference.");
        Assert.Contains($"<a href=\"/tasks/{taskId}?from=inbox\">Granska ansökan</a>", row.Value);

        var form = await PagesClient.OpenTaskAsync(coordinator, taskId);
        var done = await PagesClient.PressAsync(coordinator, taskId, form, "approve");

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("/tasks", done.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Uppgiften är slutförd.", await PagesClient.ReadAsync(done));
        var admitted = await driver.CaseAsync(id);
        Assert.Equal("active", admitted.GetProperty("status").GetString());
        Assert.Equal([("reflection", 1, 30, 30 * 1200m)], CaseDriver.Periods(admitted));
        Assert.DoesNotContain($"/tasks/{taskId}", await coordinator.GetStringAsync("/inbox"));

        // The completed task says who decided and what.
        var completed = await PagesClient.ReadAsync(await coordinator.GetAsync($"/tasks/{taskId}"));
        Assert.Contains("Slutförd av", completed);
        Assert.Contains("Karin Samordnare", completed);
        Assert.Contains("Godkänn", completed);
        Assert.DoesNotContain("<form method=\"post\" action=\"/tasks/", completed);
    }

    [Fact]
    public async Task Rejecting_without_a_reason_shows_the_message_at_the_reason_and_leaves_the_task_open()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var taskId = await driver.OpenTaskAsync(id, "admission-review");
        using var coordinator = await App.SignInAsync("coordinator");

        var form = await PagesClient.OpenTaskAsync(coordinator, taskId);
        var refused = await PagesClient.PressAsync(coordinator, taskId, form, "reject", new Dictionary<string, string> { ["Input.Reason"] = "  " });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await PagesClient.ReadAsync(refused);
        // The message names the field, in the summary and at the field alike.
        Assert.Matches(new Regex("<div class=\"field-error\" id=\"reason-error\">\\s*<p>Motivering måste anges.</p>"), html);
        Assert.Contains("aria-describedby=\"Input_Reason-hint reason-error\"", html);
        Assert.Contains("<a href=\"#Input_Reason\">Motivering måste anges.</a>", html);
        Assert.Equal(taskId, await driver.OpenTaskAsync(id, "admission-review"));
        Assert.Equal("applied", (await driver.CaseAsync(id)).GetProperty("status").GetString());

        // With a reason the same form rejects.
        var rejected = await PagesClient.PressAsync(coordinator, taskId, html, "reject",
            new Dictionary<string, string> { ["Input.Reason"] = "Kriterierna är inte styrkta." });
        Assert.Equal("/tasks", rejected.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("rejected", (await driver.CaseAsync(id)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_second_of_two_sessions_completing_one_task_is_told_it_is_already_completed()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var taskId = await driver.OpenTaskAsync(id, "admission-review");
        using var first = await App.SignInAsync("coordinator");
        using var second = await App.SignInAsync("coordinator");
        var firstForm = await PagesClient.OpenTaskAsync(first, taskId);
        var secondForm = await PagesClient.OpenTaskAsync(second, taskId);

        var won = await PagesClient.PressAsync(first, taskId, firstForm, "approve");
        var lost = await PagesClient.PressAsync(second, taskId, secondForm, "reject",
            new Dictionary<string, string> { ["Input.Reason"] = "Sent beslut." });

        Assert.Equal("/tasks", won.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        // Who decided, and when: the other session need not ask around.
        Assert.Contains("Uppgiften är redan avgjord av Karin Samordnare", await PagesClient.ReadAsync(lost));
        var admitted = await driver.CaseAsync(id);
        Assert.Equal("active", admitted.GetProperty("status").GetString());
        Assert.Equal("open", admitted.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Reading_a_task_page_writes_an_audit_row_with_the_reader_and_the_case()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var taskId = await driver.OpenTaskAsync(id, "admission-review");
        using var shelter = await App.SignInAsync("shelter-1");

        var page = await PagesClient.ReadAsync(await shelter.GetAsync($"/tasks/{taskId}"));

        // The shelter sees the coordinator's task on its own case, without a form to complete it.
        Assert.Contains("Uppgiften är tilldelad en annan roll.", page);
        await using var db = App.CreateDbContext();
        var read = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "task.read" && a.CaseId == id).ToListAsync();
        var entry = Assert.Single(read);
        Assert.Equal("Sofia på Demoboende Nord", entry.Actor);
        Assert.Equal(reference, entry.CaseReference);
        Assert.Equal("admission-review", entry.Detail);
    }
}

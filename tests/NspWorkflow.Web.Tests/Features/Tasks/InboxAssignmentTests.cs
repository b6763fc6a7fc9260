using System.Net;
using System.Text.RegularExpressions;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Tasks;

/// <summary>
/// Two coordinators share the inbox: an item handed to one leaves the other's "mine" view and shows who has it; a second
/// hand-over from a stale page is told who won; a stand-in sees the absent colleague's items; a decision taken meanwhile
/// is reported with who took it and when.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InboxAssignmentTests
{
    [Fact]
    public async Task An_item_handed_to_a_colleague_moves_to_their_inbox_and_to_their_stand_in_during_an_absence()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (first, firstReference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var (_, secondReference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        using var karin = await app.SignInAsync("coordinator");
        using var maja = await app.SignInAsync("coordinator-2");

        var task = await driver.OpenTaskAsync(first, "admission-review");
        var karinsPage = await PagesClient.OpenTaskAsync(karin, task);
        var stalePage = await PagesClient.OpenTaskAsync(maja, task);
        Assert.Contains("Inte överlämnad", WebUtility.HtmlDecode(karinsPage));

        // Karin hands the first application to Maja.
        var handed = await HandOverAsync(karin, task, karinsPage, "coordinator-2");
        Assert.Contains("Uppgiften har lämnats över till Maja Samordnare.", handed);
        Assert.Contains("Överlämnad till Maja Samordnare av Karin Samordnare", handed);

        // A hand-over from a page read before it is not silently applied: it says who has the item now.
        var late = await HandOverAsync(maja, task, stalePage, "coordinator");
        Assert.Contains("Uppgiften lämnades redan över till Maja Samordnare av Karin Samordnare", late);

        // Karin's own view keeps what is nobody's; everyone's view shows who has the first.
        var karinsInbox = await PagesClient.ReadAsync(await karin.GetAsync("/inbox"));
        Assert.Equal([secondReference], PagesClient.RowReferences(karinsInbox));
        var everyone = await PagesClient.ReadAsync(await karin.GetAsync("/inbox?all=true"));
        Assert.Equal([firstReference, secondReference], PagesClient.RowReferences(everyone));
        Assert.Contains("<td>Maja Samordnare</td>", everyone);
        Assert.Equal([firstReference, secondReference], PagesClient.RowReferences(await PagesClient.ReadAsync(await maja.GetAsync("/inbox"))));

        // Maja will be away: a last day before the first is refused, naming the field, and nothing is stored.
        var standIns = await maja.GetStringAsync("/inbox/stand-ins");
        var refused = await SaveStandInAsync(maja, standIns, "coordinator", driver.Today.AddDays(3), driver.Today.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await PagesClient.ReadAsync(refused);
        Assert.Contains($"Sista dag måste vara {driver.Today.AddDays(3):yyyy-MM-dd} eller senare.", refusedPage);
        Assert.Contains("Du har ingen ersättare.", refusedPage);

        var saved = await PagesClient.ReadAsync(await SaveStandInAsync(maja, standIns, "coordinator", driver.Today, driver.Today.AddDays(7)));
        Assert.Contains("Ersättaren är sparad.", saved);
        Assert.Contains($"Karin Samordnare, {driver.Today:yyyy-MM-dd} till och med {driver.Today.AddDays(7):yyyy-MM-dd}", saved);

        // During the absence Karin's own view shows Maja's item too, and says why.
        var covering = await PagesClient.ReadAsync(await karin.GetAsync("/inbox"));
        Assert.Contains($"Du är ersättare för Maja Samordnare till och med {driver.Today.AddDays(7):yyyy-MM-dd}", covering);
        Assert.Equal([firstReference, secondReference], PagesClient.RowReferences(covering));

        // Karin decides it; Maja's tab, open since before, learns who decided and when.
        var decided = await PagesClient.PressAsync(karin, task, await PagesClient.OpenTaskAsync(karin, task), "approve");
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var already = await PagesClient.PressAsync(maja, task, stalePage, "reject", new Dictionary<string, string> { ["Input.Reason"] = "Sent" });
        Assert.Equal(HttpStatusCode.Conflict, already.StatusCode);
        Assert.Contains("Uppgiften är redan avgjord av Karin Samordnare", await PagesClient.ReadAsync(already));

        // After the absence, the items handed to Maja leave Karin's view again.
        await driver.AdvanceDaysAsync(8);
        var after = await PagesClient.ReadAsync(await karin.GetAsync("/inbox"));
        Assert.DoesNotContain("Du är ersättare för", after);
    }

    [Fact]
    public async Task Periods_ending_soon_say_whether_the_shelter_has_acted_and_the_inbox_filters_by_due_day()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, reference) = await driver.ApplyAndAdmitAsync(driver.Today);
        using var karin = await app.SignInAsync("coordinator");

        // The reflection's 30 days run from today: its last day is 29 days on, outside the next 14 days.
        var lastDay = driver.Today.AddDays(29);
        Assert.DoesNotContain(reference, await PagesClient.ReadAsync(await karin.GetAsync("/inbox/periods")));

        await driver.AdvanceDaysAsync(20);
        var ending = await PagesClient.ReadAsync(await karin.GetAsync("/inbox/periods"));
        var row = Row(ending, reference);
        Assert.Contains($"<td>{lastDay:yyyy-MM-dd}</td>", row);
        Assert.Contains("<td>9</td>", row);
        Assert.Contains("<strong>Nej</strong>", row);

        // The shelter applies for extended support: it has acted, and the review is due when the period ends.
        await driver.CompleteOkAsync(driver.Shelter, id, "next-step", "extended", new { needsAssessment = CaseDriver.Comprehensive(driver.Today) });
        var acted = Row(await PagesClient.ReadAsync(await karin.GetAsync("/inbox/periods")), reference);
        Assert.Contains("Ja, väntar på beslut", acted);

        Assert.Equal([reference], PagesClient.RowReferences(await PagesClient.ReadAsync(await karin.GetAsync("/inbox?due=Within14Days"))));
        Assert.Empty(PagesClient.RowReferences(await PagesClient.ReadAsync(await karin.GetAsync("/inbox?due=Within7Days"))));
        Assert.Empty(PagesClient.RowReferences(await PagesClient.ReadAsync(await karin.GetAsync("/inbox?due=Overdue"))));
        await driver.AdvanceDaysAsync(10);
        Assert.Equal([reference], PagesClient.RowReferences(await PagesClient.ReadAsync(await karin.GetAsync("/inbox?due=Overdue"))));
    }

    private static async Task<string> HandOverAsync(HttpClient session, Guid task, string page, string to)
    {
        var form = Regex.Match(page, $"<form method=\"post\" action=\"/tasks/{task}/hand-over\".*?</form>", RegexOptions.Singleline);
        Assert.True(form.Success, "The task page offers the hand-over.");
        var current = Regex.Match(form.Value, "name=\"current\" value=\"([^\"]*)\"").Groups[1].Value;
        var response = await session.PostAsync($"/tasks/{task}/hand-over", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = NspApp.AntiforgeryToken(form.Value), ["current"] = current, ["to"] = to,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PagesClient.ReadAsync(response);
    }

    private static Task<HttpResponseMessage> SaveStandInAsync(HttpClient session, string page, string standIn, DateOnly first, DateOnly last)
    {
        var form = Regex.Match(page, "<form method=\"post\" action=\"/inbox/stand-ins\".*?</form>", RegexOptions.Singleline);
        return session.PostAsync("/inbox/stand-ins", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = NspApp.AntiforgeryToken(form.Value),
            ["Input.StandIn"] = standIn, ["Input.FirstDay"] = first.ToString("yyyy-MM-dd"), ["Input.LastDay"] = last.ToString("yyyy-MM-dd"),
        }));
    }

    private static string Row(string page, string reference) =>
        Regex.Match(page, $"<tr>\\s*<th scope=\"row\"><a href=\"/cases/[^\"]+\">{reference}</a></th>.*?</tr>", RegexOptions.Singleline) is { Success: true } row
            ? row.Value : throw new Xunit.Sdk.XunitException($"No row of {reference} in the list of ending periods.");

}

using System.Net;
using System.Text.RegularExpressions;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Tasks;

/// <summary>
/// The coordinator's inbox: the count of each kind waiting, filters by kind, shelter and region kept in the address, the
/// shelter and due date of each item, and after a decision taken from the inbox the next item opens.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InboxTests
{
    [Fact]
    public async Task The_inbox_counts_and_filters_by_shelter_and_region_and_a_decision_from_it_opens_the_next_item()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        // A minute apart, so oldest first is one order.
        var (north1, northReference1) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var (_, northReference2) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var south = new CaseDriver(app, await app.ApiClientAsync("demo-shelter-2"), driver.Coordinator);
        var (_, southReference) = await south.ApplyAsync(SouthApplication(driver.Today));
        using var coordinator = await app.SignInAsync("coordinator");

        var all = await PagesClient.ReadAsync(await coordinator.GetAsync("/inbox"));
        Assert.Contains(">Granska ansökan</a>: 3</li>", all);
        Assert.Equal([northReference1, northReference2, southReference], PagesClient.RowReferences(all));
        Assert.Contains("<td>Demoboende Syd</td>", all);

        var bySouth = await PagesClient.ReadAsync(await coordinator.GetAsync($"/inbox?shelter={CaseDriver.ShelterSouth}"));
        Assert.Equal([southReference], PagesClient.RowReferences(bySouth));
        Assert.Contains($"<option value=\"{CaseDriver.ShelterSouth}\" selected=\"selected\">", bySouth);
        // The counts are of everything waiting, whatever the filter shows.
        Assert.Contains(">Granska ansökan</a>: 3</li>", bySouth);
        var byKind = await PagesClient.ReadAsync(await coordinator.GetAsync("/inbox?kind=extended-review"));
        Assert.Empty(PagesClient.RowReferences(byKind));

        // Deciding the oldest from the inbox opens the next oldest, saying the decision is saved.
        var first = await driver.OpenTaskAsync(north1, "admission-review");
        var page = await coordinator.GetStringAsync($"/tasks/{first}?from=inbox");
        var decided = await PagesClient.PressAsync(coordinator, first, page, "approve", new Dictionary<string, string> { ["from"] = "inbox" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Matches("^/tasks/[0-9a-f-]{36}$", decided.RequestMessage!.RequestUri!.AbsolutePath);
        var next = await PagesClient.ReadAsync(decided);
        Assert.Contains("Beslutet är sparat. Här är nästa i inkorgen.", next);
        Assert.Contains(northReference2, next);
        Assert.Equal("active", (await driver.CaseAsync(north1)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_inbox_lists_fifty_a_page_oldest_first_and_the_next_page_goes_on_where_the_first_ended()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var references = new List<string>();
        for (var i = 0; i < 51; i++)
        {
            references.Add((await driver.ApplyAsync(CaseDriver.Application(driver.Today))).Reference);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        using var coordinator = await app.SignInAsync("coordinator");

        var first = await PagesClient.ReadAsync(await coordinator.GetAsync("/inbox?shelter=" + CaseDriver.ShelterNorth));
        Assert.Equal(references[..50], PagesClient.RowReferences(first));
        Assert.Contains("Sida 1 av 2 (51 väntar)", first);
        var next = Regex.Match(first, "<a href=\"([^\"]+)\" rel=\"next\">Nästa sida</a>").Groups[1].Value;
        Assert.Equal($"/inbox?shelter={CaseDriver.ShelterNorth}&p=2", next);
        var second = await PagesClient.ReadAsync(await coordinator.GetAsync(next));
        Assert.Equal([references[50]], PagesClient.RowReferences(second));
        Assert.Contains("rel=\"prev\">Föregående sida</a>", second);
    }

    private static object SouthApplication(DateOnly placement) => new
    {
        shelterId = CaseDriver.ShelterSouth,
        placementDate = placement,
        birthYear = 1990,
        gender = "male",
        countryOfOrigin = "NG",
        exploitation = new[] { "labour" },
        children = Array.Empty<object>(),
        criteria = new { likelyVictim = true, shelterCanMeetNeeds = true, notFundedBySociety = true },
    };

}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Tasks;

/// <summary>
/// The coordinator decides seeing what is decided: the review task's page shows the case file (the person's facts, the
/// criteria, the needs assessments) and, for a period, the days asked for and what they cost under the tariff in force.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class DecisionPageTests
{
    [Fact]
    public async Task The_extended_review_shows_the_period_asked_for_with_its_days_and_amount_and_the_application()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var placement = driver.Today;
        var (id, reference) = await driver.ApplyAndAdmitAsync(placement);
        await driver.AdvanceDaysAsync(30);
        // Before choosing, the shelter reads what each choice means and what extended support would pay.
        using var shelter = await app.SignInAsync("shelter-1");
        var choice = await PagesClient.ReadAsync(await shelter.GetAsync($"/tasks/{await driver.OpenTaskAsync(id, "next-step")}"));
        Assert.Contains($"Den pågående perioden slutar {Day(placement.AddDays(29))}: 0 dagar kvar.", choice);
        Assert.Contains($"Om det godkänns: {Day(placement.AddDays(30))}–{Day(placement.AddDays(119))}, 90 dagar, 108 000 kr enligt taxan (1 200 kr per dag i snitt).", choice);
        Assert.Contains("Stödet avslutas utan fortsättning.", choice);
        await driver.CompleteOkAsync(driver.Shelter, id, "next-step", "extended", new { needsAssessment = CaseDriver.Comprehensive(driver.Today) });
        var review = await driver.OpenTaskAsync(id, "extended-review");
        using var coordinator = await app.SignInAsync("coordinator");

        var response = await coordinator.GetAsync($"/tasks/{review}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PagesClient.ReadAsync(response);
        Assert.Contains(reference, page);
        var asked = Facts(Regex.Match(page, "<dl aria-labelledby=\"requested-heading\">(.*?)</dl>", RegexOptions.Singleline).Groups[1].Value);
        // The reflection ran from the placement for 30 days; extended support starts the day after, for 90 days at the
        // first period's full rate: (600 housing and food + 600 protection and support) × 90 days = 108 000 kr.
        Assert.Equal(new Dictionary<string, string>
        {
            ["Period"] = "Fördjupat stöd 1",
            ["Första dag"] = Day(placement.AddDays(30)),
            ["Sista dag"] = Day(placement.AddDays(30 + 89)),
            ["Dagar"] = "90",
            ["Belopp"] = "108 000 kr",
        }, asked);
        Assert.Contains("<dd>Rumänien</dd>", page);
        Assert.Matches("<dt>Boende</dt>\\s*<dd>Demoboende Nord</dd>", page);
        Assert.Contains("<a href=\"/inbox\">Tillbaka till inkorgen</a>", page);
        Assert.Contains("<dd>1995</dd>", page);
        Assert.Contains("Fördjupad behovsbedömning", page);
        Assert.Contains("Boende på skyddat boende", page);
    }

    private static Dictionary<string, string> Facts(string list) =>
        DtDd().Matches(list).ToDictionary(m => m.Groups[1].Value.Trim(), m => Regex.Replace(m.Groups[2].Value, "\\s+", " ").Trim());

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("<dt>(.*?)</dt>\\s*<dd>(.*?)</dd>", RegexOptions.Singleline)]
    private static partial Regex DtDd();
}

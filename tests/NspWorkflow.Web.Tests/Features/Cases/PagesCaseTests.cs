using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>The case list and the case page, as each role sees them in a signed-in session.</summary>
[Collection(AppCollection.Name)]
public sealed class PagesCaseTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private NspApp App => shared.App;

    [Fact]
    public async Task The_case_page_shows_the_periods_with_days_and_amounts_and_is_not_found_for_another_shelter()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today, new { birthYear = 2019, inSweden = true }));
        await driver.CompleteOkAsync(driver.Coordinator, id, "admission-review", "approve");
        using var shelter = await App.SignInAsync("shelter-1");

        var response = await shelter.GetAsync($"/cases/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PagesClient.ReadAsync(response);
        Assert.Contains($"<h1>Ärende {reference}</h1>", page);
        Assert.Contains("Pågående", page);
        var period = Regex.Match(page, "<tr>\\s*<th scope=\"row\">Reflektionsperiod 1</th>.*?</tr>", RegexOptions.Singleline);
        Assert.True(period.Success, "The page lists the reflection period.");
        var cells = Regex.Matches(period.Value, "<td>([^<]*)</td>").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal([Day(driver.Today), Day(driver.Today.AddDays(29)), "30", "51 000 kr"], cells);
        Assert.Contains("Född 2019, i Sverige", page);
        Assert.Contains("<dd>Rumänien</dd>", page);
        Assert.Contains("Sexuella ändamål", page);
        Assert.Contains("Välj nästa steg", page);

        using var other = await App.SignInAsync("shelter-2");
        var refused = await other.GetAsync($"/cases/{id}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(reference, await PagesClient.ReadAsync(refused));
        Assert.DoesNotContain(reference, await other.GetStringAsync("/cases"));
        Assert.Contains($"<a href=\"/cases/{id}\">{reference}</a>", await shelter.GetStringAsync("/cases"));
    }

    [Fact]
    public async Task Reading_a_case_page_writes_an_audit_row_and_a_refused_read_by_another_shelter_or_a_reader_writes_none()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        using var coordinator = await App.SignInAsync("coordinator");
        using var other = await App.SignInAsync("shelter-2");
        using var reader = await App.SignInAsync("reader");

        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/{id}")).StatusCode);
        // The reader sees counts and reports only: to it a case is not found, as an unknown one.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/cases/{id}")).StatusCode);

        await using var db = App.CreateDbContext();
        var reads = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "case.read" && a.CaseId == id).ToListAsync();
        var entry = Assert.Single(reads);
        Assert.Equal("Karin Samordnare", entry.Actor);
        Assert.Equal(reference, entry.CaseReference);
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("admin")]
    [InlineData("shelter-1")]
    public async Task Every_role_that_may_read_cases_opens_the_case_list(string user)
    {
        using var session = await App.SignInAsync(user);

        var response = await session.GetAsync("/cases");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 id=\"cases-heading\">Ärenden</h1>", await PagesClient.ReadAsync(response));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Cases.Pages;
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

    [Fact]
    public async Task The_case_list_pages_and_filters_in_the_address_and_never_lists_another_shelters_cases()
    {
        // 61 cases of the north shelter (pairs created at one instant: the reference orders them), 6 of them waiting for
        // admission, and 2 of the south shelter; a year of their own, so the reference filter finds exactly these.
        var north = await AddCasesAsync(CaseDriver.ShelterNorth, 61, applied: 6);
        var south = await AddCasesAsync(DemoShelterId("shelter-2"), 2, applied: 0);
        using var coordinator = await App.SignInAsync("coordinator");

        var first = await coordinator.GetStringAsync("/cases?q=nsp-2091");
        Assert.Contains("Ärenden som matchar: 63", WebUtility.HtmlDecode(first));
        var firstPage = Listed(first);
        Assert.Equal(IndexModel.PageSize, firstPage.Count);
        Assert.Equal([.. north.Concat(south).Reverse().Take(IndexModel.PageSize)], firstPage);
        Assert.DoesNotContain("rel=\"prev\"", first);

        var second = await coordinator.GetStringAsync(Link(first, "next"));
        Assert.Equal([.. north.Concat(south).Reverse().Skip(IndexModel.PageSize)], Listed(second));
        Assert.DoesNotContain("rel=\"next\"", second);
        Assert.Equal(firstPage, Listed(await coordinator.GetStringAsync(Link(second, "prev"))));

        var applied = await coordinator.GetStringAsync("/cases?status=applied&q=NSP-2091");
        Assert.Contains("Ärenden som matchar: 6", WebUtility.HtmlDecode(applied));
        Assert.Equal([.. north.Take(6).Reverse()], Listed(applied));
        Assert.Contains("<option value=\"applied\" selected=\"selected\">", applied);

        var southOnly = await coordinator.GetStringAsync($"/cases?shelter={DemoShelterId("shelter-2")}&q=NSP-2091");
        Assert.Equal([.. south.Reverse()], Listed(southOnly));

        // A shelter user sees its own cases only, whatever the address asks; it is offered no shelter filter.
        using var shelter = await App.SignInAsync("shelter-2");
        var own = await shelter.GetStringAsync($"/cases?shelter={CaseDriver.ShelterNorth}&q=NSP-2091");
        Assert.Equal([.. south.Reverse()], Listed(own));
        Assert.DoesNotContain("id=\"Shelter\"", own);
        Assert.Empty(Listed(await shelter.GetStringAsync("/cases?q=NSP-2091&status=applied")));

        await using var db = App.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "case.list" && a.Actor == "Karin Samordnare" && a.Detail == "13 cases"));
    }

    /// <summary>Cases written as the app writes them (domain, encrypted case file), oldest first; the first <paramref name="applied"/> not admitted.</summary>
    private async Task<IReadOnlyList<string>> AddCasesAsync(Guid shelterId, int count, int applied)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<CaseStore>();
        var shelter = await db.Shelters.FindAsync(shelterId);
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        var taken = await db.Cases.CountAsync(c => c.Reference.StartsWith("NSP-2091-"));
        var references = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var reference = CaseReference.Format(2091, taken + i + 1);
            var created = App.Clock.GetUtcNow().AddDays(-10).AddMinutes(taken + i / 2);
            var @case = Case.Open(Guid.NewGuid(), reference, new CaseApplication(shelterId, today.AddDays(-20), 1990, Gender.Female, "RO",
                [ExploitationForm.Labour], [], new AdmissionCriteria(true, true, true), null), shelter, created, today,
                App.Services.GetRequiredService<NspWorkflow.Web.Features.Tariffs.TariffCatalog>().Current);
            if (i >= applied)
                @case.Admit();
            store.Add(@case, created);
            references.Add(reference);
        }
        await db.SaveChangesAsync();
        return references;
    }

    private static Guid DemoShelterId(string user) => NspWorkflow.Web.Infrastructure.DevelopmentIdentity.DemoDirectory.FindUser(user)!.ShelterId!.Value;

    private static List<string> Listed(string html) =>
        [.. Regex.Matches(html, "<a href=\"/cases/[0-9a-f-]{36}\">(NSP-2091-\\d+)</a>").Select(m => m.Groups[1].Value)];

    private static string Link(string html, string rel) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<a href=\"([^\"]+)\" rel=\"{rel}\">").Groups[1].Value);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

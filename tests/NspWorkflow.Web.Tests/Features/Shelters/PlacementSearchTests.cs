using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Web.Tests.Features.Shelters.ShelterFormClient;

namespace NspWorkflow.Web.Tests.Features.Shelters;

/// <summary>
/// The placement search on SQLite and PostgreSQL. The demo shelters: Nord (6 places; women, accompanying children; sexual
/// purposes, labour) and Syd (10 places; women, men, active substance abuse; labour, begging, crime), both certified a year
/// from today (2026-03-02). The administrator adds Bergslagen (8 places, certified to 2027-02-28), one in Mitt never
/// certified and one in Väst whose certification ended yesterday. Nord has two admitted cases and one only applied for.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class PlacementSearchTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Certified_shelters_show_their_places_less_their_running_cases_and_uncovered_regions_stand_out(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        using (var admin = await app.SignInAsync("admin"))
        {
            await CreateAsync(admin, Valid("Boende Bergslagen"));
            await CreateAsync(admin, Valid("Boende Mitt").With("Form.Region", "Mitt").With("Form.CertificationStatus", "NotCertified"));
            await CreateAsync(admin, Valid("Boende Väst").With("Form.Region", "Vast").With("Form.CertifiedUntil", "2026-03-01"));
        }
        var (_, firstReference) = await driver.ApplyAndAdmitAsync(driver.Today);
        await driver.ApplyAndAdmitAsync(driver.Today);
        await driver.ApplyAsync(CaseDriver.Application(driver.Today));

        using var coordinator = await app.SignInAsync("coordinator");
        var page = await coordinator.GetStringAsync("/shelters/placement");
        // Name, region, free places, places, running cases, target groups, forms of exploitation; Nord: 6 − 2 = 4 free.
        Assert.Equal(
        [
            ["Demoboende Nord", "Nord", "4", "6", "2", "Kvinnor, Medföljande barn", "Sexuella ändamål, Arbetskraftsexploatering"],
            ["Boende Bergslagen", "Bergslagen", "8", "8", "0", "Kvinnor, Medföljande barn", "Sexuella ändamål, Arbetskraftsexploatering"],
            ["Demoboende Syd", "Syd", "10", "10", "0", "Kvinnor, Män, Aktivt missbruk", "Arbetskraftsexploatering, Tiggeri, Brottslig verksamhet"],
        ], Rows(page, "placement-results-heading"));
        Assert.Contains("Boenden som matchar: 3", page, StringComparison.Ordinal);
        Assert.DoesNotContain(firstReference, page, StringComparison.Ordinal);
        // Every region, whatever the filter; Mitt's shelter is not certified and Väst's has expired.
        const string None = "Inget certifierat boende";
        Assert.Equal(
        [
            ["Nord", "1", "4"], ["Mitt", None, "0"], ["Stockholm", None, "0"], ["Bergslagen", "1", "8"],
            ["Öst", None, "0"], ["Väst", None, "0"], ["Syd", "1", "10"],
        ], Rows(page, "placement-regions-heading"));

        Assert.Equal(["Demoboende Syd"], Names(await coordinator.GetStringAsync("/shelters/placement?region=syd")));
        Assert.Equal(["Demoboende Syd"], Names(await coordinator.GetStringAsync("/shelters/placement?men=true")));
        Assert.Equal(["Demoboende Nord", "Boende Bergslagen"],
            Names(await coordinator.GetStringAsync("/shelters/placement?accompanyingChildren=true&exploitationForm=sexual")));
        Assert.Equal(["Demoboende Nord"], Names(await coordinator.GetStringAsync("/shelters/placement?region=nord&women=true")));
        Assert.Equal(["Boende Bergslagen", "Demoboende Syd"], Names(await coordinator.GetStringAsync("/shelters/placement?minFreePlaces=5")));
        Assert.Equal(["Demoboende Syd"], Names(await coordinator.GetStringAsync("/shelters/placement?minFreePlaces=9&exploitationForm=begging")));
        var none = await coordinator.GetStringAsync("/shelters/placement?region=bergslagen&men=true");
        Assert.Empty(Names(none));
        Assert.Contains("Inget certifierat boende matchar sökningen.", none, StringComparison.Ordinal);

        // A bad number is named in an announced summary; nothing is searched.
        var negative = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/shelters/placement?minFreePlaces=-1"));
        Assert.Contains("role=\"alert\"", negative, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#MinFreePlaces\">Minsta antal lediga platser får inte vara negativt.</a>", negative, StringComparison.Ordinal);
        Assert.DoesNotContain("placement-results-heading\"", negative, StringComparison.Ordinal);
        Assert.Contains("Minsta antal lediga platser måste vara ett heltal.",
            WebUtility.HtmlDecode(await coordinator.GetStringAsync("/shelters/placement?minFreePlaces=tre")), StringComparison.Ordinal);

        // The API answers the same search as JSON.
        using var api = await app.ApiClientAsync("demo-coordinator");
        var all = await api.GetFromJsonAsync<JsonElement>("/api/shelters/placement");
        Assert.Equal(
            [("Demoboende Nord", "Nord", 6, 2, 4), ("Boende Bergslagen", "Bergslagen", 8, 0, 8), ("Demoboende Syd", "Syd", 10, 0, 10)],
            all.GetProperty("shelters").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("region").GetString(),
                s.GetProperty("capacity").GetProperty("places").GetInt32(), s.GetProperty("runningCases").GetInt32(),
                s.GetProperty("freePlaces").GetInt32())));
        Assert.Equal(["Mitt", "Stockholm", "Ost", "Vast"], all.GetProperty("regions").EnumerateArray()
            .Where(r => !r.GetProperty("hasCertifiedShelter").GetBoolean()).Select(r => r.GetProperty("region").GetString()));
        var filtered = await api.GetFromJsonAsync<JsonElement>("/api/shelters/placement?accompanyingChildren=true&minFreePlaces=5");
        Assert.Equal(["Boende Bergslagen"], filtered.GetProperty("shelters").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var refused = await api.GetAsync("/api/shelters/placement?minFreePlaces=many&region=lappland");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["minFreePlaces", "region"], (await CaseDriver.FieldErrorsAsync(refused)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_coordinator_the_administrator_and_a_shelter_may_search_and_the_reader_may_not()
    {
        await using var app = await NspApp.StartAsync();
        foreach (var (user, client, expected) in new[]
        {
            ("coordinator", "demo-coordinator", HttpStatusCode.OK), ("admin", "demo-admin", HttpStatusCode.OK),
            ("shelter-2", "demo-shelter-2", HttpStatusCode.OK), ("reader", "demo-reader", HttpStatusCode.Forbidden),
        })
        {
            using var signedIn = await app.SignInAsync(user);
            var page = await signedIn.GetAsync("/shelters/placement?region=nord");
            Assert.True(page.StatusCode == expected, $"{user}: page {(int)page.StatusCode}");
            using var api = await app.ApiClientAsync(client);
            var answer = await api.GetAsync("/api/shelters/placement?region=nord");
            Assert.True(answer.StatusCode == expected, $"{client}: API {(int)answer.StatusCode}");
            if (expected == HttpStatusCode.OK)
                Assert.Equal(["Demoboende Nord"], Names(await page.Content.ReadAsStringAsync()));
        }
    }

    private static async Task CreateAsync(HttpClient admin, Dictionary<string, string> fields)
    {
        var created = await SubmitAsync(admin, "/shelters/new", fields);
        Assert.Contains("Boendet har sparats.", await ReadPageAsync(created));
    }

    /// <summary>The shelters' names in the result table, in order.</summary>
    private static List<string> Names(string html) => [.. Rows(html, "placement-results-heading").Select(r => r[0])];

    /// <summary>The body rows of the table labelled by <paramref name="headingId"/>, each as its cells' texts; none without the table.</summary>
    private static List<List<string>> Rows(string html, string headingId)
    {
        var table = Regex.Match(html, $"<table aria-labelledby=\"{headingId}\"[^>]*>(.*?)</table>", RegexOptions.Singleline);
        if (!table.Success)
            return [];
        var body = table.Groups[1].Value[table.Groups[1].Value.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return [.. RowPattern().Matches(body).Select(row => CellPattern().Matches(row.Groups[1].Value)
            .Select(cell => WebUtility.HtmlDecode(Regex.Replace(cell.Groups[1].Value, "<[^>]+>", "")).Trim()).ToList())];
    }

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}

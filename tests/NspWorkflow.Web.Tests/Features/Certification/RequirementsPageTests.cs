using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Certification;

/// <summary>
/// The minimum requirements page on SQLite and PostgreSQL: the administrator saves next year's list (a duplicate key is
/// refused naming its row, nothing stored), this year's list is refused once a certification has started against it,
/// the coordinator reads and does not edit, and the shelter is refused.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RequirementsPageTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_administrator_saves_next_years_list_and_a_list_in_use_is_refused(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        using var admin = await app.SignInAsync("admin");

        // 2027 has no list: it starts from the program's list, shown as rows to edit with empty rows below.
        var empty = await admin.GetStringAsync("/certification/requirements?year=2027");
        Assert.Contains("2027 har ingen egen lista än och utgår från programmets startlista.", empty, StringComparison.Ordinal);
        Assert.Contains("value=\"skydd\"", empty, StringComparison.Ordinal);
        Assert.Contains($"name=\"Rows[{DefaultRequirements.All.Count + RequirementsModelRows - 1}].Key\"", empty, StringComparison.Ordinal);

        // A key twice: refused naming the second row's key, linked to it; nothing is stored.
        var duplicate = await PostAsync(admin, 2027, [("skydd", "Skyddat boende."), ("tolk", "Tolk finns."), ("Skydd ", "Samma nyckel igen.")]);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        var refused = await duplicate.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#row-2-key\">Nyckeln på rad 3 finns redan.</a>", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"row-2-key-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Skydd \"", refused, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
            Assert.False(await db.RequirementCatalogs.AnyAsync(r => r.Year == 2027));

        // Saved: an empty row is left out and a row ticked for removal goes.
        var saved = await PostAsync(admin, 2027, [("skydd", "Skyddat boende."), ("", ""), ("tolk", "Tolk finns."), ("gammal", "Tas bort.")], remove: 3);
        Assert.Contains("Listan är sparad.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            var catalog = await scope.ServiceProvider.GetRequiredService<RequirementCatalogs>().FindAsync(2027, CancellationToken.None);
            Assert.Equal(["skydd", "tolk"], catalog!.Requirements.Select(r => r.Key));
        }

        // 2028 has none: it says which year's list it takes.
        Assert.Contains("2028 har ingen egen lista än och utgår från listan för 2027.", await admin.GetStringAsync("/certification/requirements?year=2028"),
            StringComparison.Ordinal);

        // A certification starts against 2026 (the test clock's year): that list is read-only and a save is refused.
        using var coordinator = await app.SignInAsync("coordinator");
        await CertificationProcessTests.StartAsync(coordinator, CaseDriver.ShelterNorth);
        var inUse = await admin.GetStringAsync("/certification/requirements?year=2026");
        Assert.Contains("Certifieringar har redan besvarat listan för 2026", inUse, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Rows[0].Key\"", inUse, StringComparison.Ordinal);
        var late = await PostAsync(admin, 2026, [("skydd", "Ändrat i efterhand.")], page: "/certification/requirements?year=2027");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("<a href=\"#Year\">Certifieringar har redan besvarat listan för 2026", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
            Assert.DoesNotContain("Ändrat i efterhand.", (await db.RequirementCatalogs.SingleAsync(r => r.Year == 2026)).Document, StringComparison.Ordinal);

        // The coordinator reads the list and cannot save it; the shelter and the reader do not see it.
        var read = await coordinator.GetStringAsync("/certification/requirements?year=2027");
        Assert.Contains("Bara administratören ändrar minimikraven.", read, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Rows[0].Key\"", read, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(coordinator, 2028, [("skydd", "Skyddat boende.")], page: "/certification/requirements")).StatusCode);
        using (var shelter = await app.SignInAsync("shelter-1"))
            Assert.Equal(HttpStatusCode.Forbidden, (await shelter.GetAsync("/certification/requirements")).StatusCode);
        using (var reader = await app.SignInAsync("reader"))
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/certification/requirements")).StatusCode);
    }

    private const int RequirementsModelRows = NspWorkflow.Web.Features.Certification.Pages.RequirementsModel.EmptyRows;

    /// <summary>Posts the rows as the page's form does, with the antiforgery token of the page it came from.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int year, (string Key, string Text)[] rows, int? remove = null, string? page = null)
    {
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", NspApp.AntiforgeryToken(await client.GetStringAsync(page ?? $"/certification/requirements?year={year}"))),
            new("Year", year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        for (var i = 0; i < rows.Length; i++)
        {
            values.Add(new($"Rows[{i}].Key", rows[i].Key));
            values.Add(new($"Rows[{i}].Text", rows[i].Text));
            if (remove == i)
                values.Add(new($"Rows[{i}].Remove", "true"));
        }

        return await client.PostAsync("/certification/requirements", new FormUrlEncodedContent(values));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Reports;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Reports;

/// <summary>
/// The small-count rule on the page and in both files, on SQLite and PostgreSQL: five women admitted in March 2026, four from
/// Romania born 1995 (31 in 2026) and one from Bulgaria born 1960 (66), one of them with a child in Sweden and one exploited
/// for labour as well. Every count of 1 or 2 about persons reads "&lt;3", and so many more cells ".." that none follows from
/// the totals; the interventions are not suppressed. And the reader may read the report but no case; a shelter no report.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SmallCountReportTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Counts_under_three_about_persons_are_hidden_on_the_page_and_in_both_files_with_the_cells_that_would_give_them_away(
        DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var placed = driver.Today;
        Guid last = default;
        for (var i = 0; i < 5; i++)
        {
            (last, _) = await driver.ApplyAsync(Person(placed, country: i < 4 ? "RO" : "BG", birthYear: i < 4 ? 1995 : 1960,
                exploitation: i == 0 ? ["sexual", "labour"] : ["sexual"], children: i == 1 ? [new { birthYear = 2019, inSweden = true }] : []));
            await driver.CompleteOkAsync(driver.Coordinator, last, "admission-review", "approve");
        }

        using var reader = await app.SignInAsync("reader");
        var page = await reader.GetStringAsync("/reports?year=2026");

        // Countries: Romania 4 would give Bulgaria's 1 away from the total 5, so it is hidden too.
        Assert.Equal([["Land", "Personer"], ["Rumänien", ".."], ["Bulgarien", "<3"], ["Totalt", "5"]], ReportPages.Table(page, "countries-caption"));
        // Women by age band: 25–34 (4) hidden with 55+ (1), in the women's row and the total row alike; the totals 5 stay.
        var gender = ReportPages.Table(page, "gender-caption");
        Assert.Equal(["Kön", "18–24", "25–34", "35–44", "45–54", "55 år och äldre", "Totalt"], gender[0]);
        Assert.Equal(["Kvinna", "0", "..", "0", "0", "<3", "5"], gender[1]);
        Assert.Equal(["Totalt", "0", "..", "0", "0", "<3", "5"], gender[^1]);
        Assert.Equal([["Personer", "Antal"], ["Vuxna", "5"], ["Medföljande barn", "<3"], ["Barn i ursprungslandet", "0"]],
            ReportPages.Table(page, "persons-caption"));
        var forms = ReportPages.Table(page, "exploitation-caption");
        Assert.Contains(["Sexuella ändamål", "5"], forms);
        Assert.Contains(["Arbetskraftsexploatering", "<3"], forms);
        // The interventions are not suppressed: five reflections.
        Assert.Equal("5", ReportPages.Table(page, "interventions-caption")[1][1]);
        // The chart draws no bar for a hidden count: only the 5 of sexual purposes has one in the forms' chart.
        var chart = page[page.IndexOf("exploitation-caption", StringComparison.Ordinal)..page.IndexOf("countries-heading", StringComparison.Ordinal)];
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(chart, "<rect "));

        var csv = await reader.GetByteArrayAsync("/reports?year=2026&handler=csv");
        Assert.Equal(["Land;Personer", "Rumänien;..", "Bulgarien;<3", "Totalt;5"], ReportPages.CsvSection(csv, "Ursprungsländer"));
        Assert.Equal("Kvinna;0;..;0;0;<3;5", ReportPages.CsvSection(csv, "Vuxna efter kön och åldersgrupp (ålder vid placeringsåret)")[1]);
        Assert.Contains("Medföljande barn;<3", ReportPages.CsvSection(csv, "Personer"));

        var xlsx = await reader.GetByteArrayAsync("/reports?year=2026&handler=xlsx");
        var countries = ReportPages.Sheet(xlsx, "Ursprungsländer");
        Assert.Equal([["Land", "Personer"], ["Rumänien", ".."], ["Bulgarien", "<3"], ["Totalt", 5d]], countries.Select(r => r.Select(Cell).ToList()));
        var women = ReportPages.Sheet(xlsx, "Vuxna efter kön och åldersgrupp")[1];
        Assert.Equal(["Kvinna", 0d, "..", 0d, 0d, "<3", 5d], women.Select(Cell));

        // The rows behind it hold no birth year, only the band; a database from before them gets them at the next start.
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(["25-34", "25-34", "25-34", "25-34", "55+"], (await db.CaseReportFacts.Select(f => f.AgeBand).ToListAsync()).Order());
            await db.CaseReportFacts.ExecuteDeleteAsync();
        }
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetServices<NspWorkflow.Web.Infrastructure.Database.IStartupSeeder>().OfType<CaseReportFactsBackfill>().Single().SeedAsync(CancellationToken.None);
        Assert.Equal([["Land", "Personer"], ["Rumänien", ".."], ["Bulgarien", "<3"], ["Totalt", "5"]],
            ReportPages.Table(await reader.GetStringAsync("/reports?year=2026"), "countries-caption"));

        // The reader reads counts, never a case.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/cases/{last}")).StatusCode);
        using (var readerApi = await app.ApiClientAsync("demo-reader"))
            Assert.Equal(HttpStatusCode.NotFound, (await readerApi.GetAsync($"/api/cases/{last}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/reports/period?from=2026-03-01&to=2026-03-31")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/reports/period?from=2026-03-01&to=2026-03-31&handler=xlsx")).StatusCode);
        // A shelter reads no report, not even as a file.
        using var shelter = await app.SignInAsync("shelter-1");
        foreach (var path in new[] { "/reports", "/reports?year=2026&handler=csv", "/reports?year=2026&handler=xlsx", "/reports/period" })
            Assert.Equal(HttpStatusCode.Forbidden, (await shelter.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_period_report_counts_only_its_days_and_names_a_field_it_cannot_read()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        await driver.ApplyAndAdmitAsync(driver.Today);
        using var coordinator = await app.SignInAsync("coordinator");

        // The reflection runs 2–31 March at 1 200 kr a day: 2–15 March is 14 of its days.
        var page = await coordinator.GetStringAsync("/reports/period?from=2026-03-02&to=2026-03-15");
        Assert.Equal(["30 dagars reflektion", "1", (14 * 1200m).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")) + " kr"],
            ReportPages.Table(page, "interventions-caption")[1]);
        Assert.Contains("En månad som bara delvis ligger i perioden", page, StringComparison.Ordinal);

        var refused = await coordinator.GetStringAsync("/reports/period?from=2026-03-15&to=2026-03-02");
        Assert.Contains("<a href=\"#To\">Till och med får inte vara före från och med.</a>", refused, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"To-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#From\">Från och med måste vara ett datum (ÅÅÅÅ-MM-DD).</a>",
            await coordinator.GetStringAsync("/reports/period?from=mars&to=2026-03-02"), StringComparison.Ordinal);
    }

    private static object? Cell(object? value) => value is string or null ? value : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    private static object Person(DateOnly placed, string country, int birthYear, string[] exploitation, object[] children) => new
    {
        shelterId = CaseDriver.ShelterNorth,
        placementDate = placed,
        birthYear,
        gender = "female",
        countryOfOrigin = country,
        exploitation,
        children,
        criteria = new { likelyVictim = true, shelterCanMeetNeeds = true, notFundedBySociety = true },
    };
}

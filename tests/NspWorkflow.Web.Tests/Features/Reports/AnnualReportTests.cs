using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Invoicing;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Reports;

/// <summary>
/// The annual report's interventions on SQLite and PostgreSQL, against a table worked out by hand: a year lived through the
/// API with the clock moved. Case A (no children, placed 2 March 2026) runs the reflection, three extended periods (the
/// second and third at the reduced rate) and integration from 27 December, across the year's end; case B (one child in
/// Sweden) is granted MMM on the reflection's 12th day; case C is rejected. A's point intervention of 500 kr is approved in
/// March, and March is invoiced and attested, so March's sums are the attested lines and the other months the approved days.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AnnualReportTests(PostgresServer postgres)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_interventions_table_counts_each_kind_and_sums_only_the_years_days(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var placed = driver.Today;
        Assert.Equal(new DateOnly(2026, 3, 2), placed);
        var (a, _) = await driver.ApplyAndAdmitAsync(placed);
        var (b, _) = await driver.ApplyAsync(CaseDriver.Application(placed, new { birthYear = 2019, inSweden = true }));
        await driver.CompleteOkAsync(driver.Coordinator, b, "admission-review", "approve");
        var (c, _) = await driver.ApplyAsync(CaseDriver.Application(placed));
        await driver.CompleteOkAsync(driver.Coordinator, c, "admission-review", "reject", new { reason = "Uppfyller inte kriterierna." });

        // 13 March: B's police report with MMM ends its reflection after 12 days; A's 500 kr of clothes are approved.
        await driver.AdvanceDaysAsync(11);
        Assert.Equal(HttpStatusCode.OK, (await driver.ReportToPoliceAsync(b, driver.Today, mmmGranted: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await driver.SubmitPointInterventionAsync(a, "clothes", 500m, "Skor")).StatusCode);
        await driver.CompleteOkAsync(driver.Coordinator, a, "point-intervention-review", "approve");

        // 31 March: A goes on to extended support, three periods of 90 days, then integration from 27 December.
        await driver.AdvanceDaysAsync(18);
        await driver.CompleteOkAsync(driver.Shelter, a, "next-step", "extended", new { needsAssessment = CaseDriver.Comprehensive(driver.Today) });
        await driver.CompleteOkAsync(driver.Coordinator, a, "extended-review", "approve");
        for (var period = 1; period <= 3; period++)
        {
            await driver.AdvanceDaysAsync(90);
            if (period == 1)
                await InvoiceAndAttestMarchAsync(app, driver);
            await driver.CompleteOkAsync(driver.Shelter, a, "next-step", period < 3 ? "extended" : "integration");
            await driver.CompleteOkAsync(driver.Coordinator, a, period < 3 ? "extended-review" : "integration-review", "approve");
        }
        Assert.Equal(new DateOnly(2026, 12, 26), driver.Today);
        var periods = CaseDriver.Periods(await driver.CaseAsync(a));
        Assert.Equal(("integration", 45, 45 * 500m), (periods[^1].Kind, periods[^1].Days, periods[^1].Amount));

        // By hand: A's reflection 30 × 1 200 and B's 12 × (1 200 + 500); A's first extended period 90 × 1 200, the second and
        // third 90 × 600 each; of integration 27 December – 9 February only 27–31 December in 2026: 5 × 500, the other
        // 40 × 500 in 2027; the point intervention 500. C, rejected, counts nowhere.
        var year2026 = new (string Kind, int Count, decimal Sum)[]
        {
            ("30 dagars reflektion", 2, 30 * 1200m + 12 * 1700m),
            ("90 dagar, full ersättning", 1, 90 * 1200m),
            ("90 dagar, reducerad ersättning", 2, 2 * 90 * 600m),
            ("45 dagar integration", 1, 5 * 500m),
            ("Punktinsatser", 1, 500m),
        };
        var year2027 = new (string Kind, int Count, decimal Sum)[]
        {
            ("30 dagars reflektion", 0, 0m), ("90 dagar, full ersättning", 0, 0m), ("90 dagar, reducerad ersättning", 0, 0m),
            ("45 dagar integration", 1, 40 * 500m), ("Punktinsatser", 0, 0m),
        };
        Assert.Equal(275_400m, year2026.Sum(r => r.Sum));

        using var reader = await app.SignInAsync("reader");
        var page = await reader.GetStringAsync("/reports?year=2026");
        Assert.Equal(Expected(year2026), ReportPages.Table(page, "interventions-caption").Skip(1).ToList());
        Assert.Contains("Summorna är de attesterade fakturaraderna för 2026-03 och de godkända dagarna till gällande taxa för 2026-01 – 2026-02, 2026-04 – 2026-12",
            page, StringComparison.Ordinal);
        Assert.Equal(Expected(year2027), ReportPages.Table(await reader.GetStringAsync("/reports?year=2027"), "interventions-caption").Skip(1).ToList());

        // The same table in both files, as numbers.
        var csv = ReportPages.CsvSection(await reader.GetByteArrayAsync("/reports?year=2026&handler=csv"), "Insatser");
        Assert.Equal(["Insats;Antal;Summa (kr)", .. year2026.Select(r => $"{r.Kind};{r.Count};{r.Sum:0},00"), "Totalt;7;275400,00"], csv);
        var sheet = ReportPages.Sheet(await reader.GetByteArrayAsync("/reports?year=2026&handler=xlsx"), "Insatser");
        Assert.Equal(["Insats", "Antal", "Summa (kr)"], sheet[0]);
        Assert.Equal([.. year2026.Select(r => $"{r.Kind}|{r.Count}|{r.Sum:0}"), "Totalt|7|275400"],
            sheet.Skip(1).Select(r => string.Join("|", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))));

        // The years side by side: 2026 beside 2027 in 2027's report.
        var years = ReportPages.Table(await reader.GetStringAsync("/reports?year=2027"), "years-caption");
        Assert.Equal(["Insats", "2024", "2025", "2026", "2027"], years[0]);
        Assert.Equal(["Totalt", "0 0 kr", "0 0 kr", $"7 {Kr(275_400m)}", $"1 {Kr(20_000m)}"], years[^2]);
        // A and B in 2026, A alone in 2027: both under 3.
        Assert.Equal(["Vuxna", "0", "0", "<3", "<3"], years[^1]);
    }

    private static List<List<string>> Expected((string Kind, int Count, decimal Sum)[] rows) =>
        [.. rows.Select(r => new List<string> { r.Kind, r.Count.ToString(Swedish), Kr(r.Sum) }),
         ["Totalt", rows.Sum(r => r.Count).ToString(Swedish), Kr(rows.Sum(r => r.Sum))]];

    private static string Kr(decimal amount) => amount.ToString("N0", Swedish) + " kr";

    /// <summary>March's basis built by the monthly job, the shelter's invoice submitted and the coordinator's attestation.</summary>
    private static async Task InvoiceAndAttestMarchAsync(NspApp app, CaseDriver driver)
    {
        await using (var db = app.CreateDbContext())
        {
            if (!db.InvoiceRuns.Any(r => r.Month == 202603))
            {
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<InvoiceBasisJob>().BuildAsync(new InvoiceMonth(2026, 3), "test", CancellationToken.None);
            }
        }
        using var shelter = await app.SignInAsync("shelter-1");
        Guid basisId;
        Guid version;
        await using (var db = app.CreateDbContext())
        {
            var basis = db.InvoiceBases.Single(b => b.ShelterId == CaseDriver.ShelterNorth && b.Month == 202603);
            (basisId, version) = (basis.Id, basis.Version);
        }
        var form = await shelter.GetStringAsync($"/invoices/{basisId}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(NspApp.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent("F-1"), "InvoiceNumber" },
            { new StringContent(version.ToString()), "Version" },
            { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "InvoiceFile", "faktura.pdf" },
        };
        var submitted = await shelter.PostAsync($"/invoices/{basisId}", content);
        Assert.Contains("Fakturan är inskickad", await submitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var task = (await driver.Coordinator.GetFromJsonAsync<JsonElement>("/api/tasks?status=open")).EnumerateArray()
            .Single(t => t.GetProperty("formKey").GetString() == "invoice-attestation").GetProperty("id").GetGuid();
        var attested = await driver.CompleteAsync(driver.Coordinator, task, "attest");
        Assert.True(attested.IsSuccessStatusCode, await attested.Content.ReadAsStringAsync());
    }
}

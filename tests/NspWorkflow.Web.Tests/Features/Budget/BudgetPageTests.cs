using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NspWorkflow.Data;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Invoicing;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace NspWorkflow.Web.Tests.Features.Budget;

/// <summary>
/// The budget on SQLite and PostgreSQL, as the administrator sets it and the coordinator reads it: the 2021 report's two
/// grants, the first funder paying from January and the second from July; an admitted reflection (2–31 March, 30 days at
/// 600 + 600 kr) commits 36 000 kr of the first funder's direct support, and once its invoice is attested it is spent.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BudgetPageTests(PostgresServer postgres)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Approving_commits_attesting_spends_and_every_decision_page_shows_the_budget(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        using var admin = await app.SignInAsync("admin");

        // A grant whose direct support exceeds it is refused naming the field, and nothing is stored.
        var refused = await PostAsync(admin, "Grant", new() { ["Funder"] = "Jämställdhetsmyndigheten", ["GrantYear"] = "2026", ["Amount"] = "600000", ["DirectSupport"] = "700000" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Varav direkt stöd (kr)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Jämställdhetsmyndigheten</th>", await admin.GetStringAsync("/budget?year=2026"), StringComparison.Ordinal);

        await SaveAsync(admin, "Grant", new() { ["Funder"] = "Jämställdhetsmyndigheten", ["GrantYear"] = "2026", ["Amount"] = "600 000", ["DirectSupport"] = "450000" });
        await SaveAsync(admin, "Grant", new() { ["Funder"] = "Länsstyrelsen", ["GrantYear"] = "2026", ["Amount"] = "2036934", ["DirectSupport"] = "1830000" });
        await SaveAsync(admin, "Rule", new() { ["From"] = "2026-01", ["RuleFunder"] = "Jämställdhetsmyndigheten" });
        await SaveAsync(admin, "Rule", new() { ["From"] = "2026-07", ["RuleFunder"] = "Länsstyrelsen" });

        var (caseId, _) = await driver.ApplyAndAdmitAsync(new DateOnly(2026, 3, 2));
        using var coordinator = await app.SignInAsync("coordinator");
        var budget = await coordinator.GetStringAsync("/budget?year=2026");
        // Jämställdhetsmyndigheten: direct support, committed, spent, left, forecast.
        Assert.Contains(Row("Jämställdhetsmyndigheten", 450_000m, 36_000m, 0m, 450_000m - 36_000m, 36_000m), Squeeze(budget), StringComparison.Ordinal);
        Assert.Contains(Row("Länsstyrelsen", 1_830_000m, 0m, 0m, 1_830_000m, 0m), Squeeze(budget), StringComparison.Ordinal);

        // Every decision page shows it: the next application's review.
        var (second, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var review = await coordinator.GetStringAsync($"/tasks/{await driver.OpenTaskAsync(second, "admission-review")}");
        Assert.Contains(Row("Jämställdhetsmyndigheten", 450_000m, 36_000m, 0m, 414_000m, 36_000m), Squeeze(review), StringComparison.Ordinal);
        using (var shelter = await app.SignInAsync("shelter-1"))
            Assert.Equal(HttpStatusCode.Forbidden, (await shelter.GetAsync("/budget")).StatusCode);

        // March is invoiced, submitted and attested: the 36 000 kr are spent, none committed.
        await driver.AdvanceDaysAsync(30);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<InvoiceBasisJob>().BuildAsync(new InvoiceMonth(2026, 3), "test", CancellationToken.None);
        await SubmitInvoiceAsync(app, caseId);
        var task = (await driver.Coordinator.GetFromJsonAsync<JsonElement>("/api/tasks?status=open")).EnumerateArray()
            .Single(t => t.GetProperty("formKey").GetString() == "invoice-attestation").GetProperty("id").GetGuid();
        var attested = await driver.CompleteAsync(driver.Coordinator, task, "attest");
        Assert.True(attested.IsSuccessStatusCode, await attested.Content.ReadAsStringAsync());
        Assert.Contains(Row("Jämställdhetsmyndigheten", 450_000m, 0m, 36_000m, 414_000m, 36_000m), Squeeze(await coordinator.GetStringAsync("/budget?year=2026")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_period_or_a_point_intervention_beyond_what_is_left_needs_an_explicit_confirmation_which_is_audited()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        using var admin = await app.SignInAsync("admin");
        await SaveAsync(admin, "Grant", new() { ["Funder"] = "Jämställdhetsmyndigheten", ["GrantYear"] = "2026", ["Amount"] = "50000", ["DirectSupport"] = "20000" });
        await SaveAsync(admin, "Rule", new() { ["From"] = "2026-01", ["RuleFunder"] = "Jämställdhetsmyndigheten" });
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var task = await driver.OpenTaskAsync(id, "admission-review");

        // The reflection, 2–31 March at 1 200 kr a day, would commit 36 000 kr where 20 000 kr are left.
        var refused = await driver.CompleteAsync(driver.Coordinator, task, "approve");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["data.confirmOverrun"], (await CaseDriver.FieldErrorsAsync(refused)).Keys);
        Assert.Equal("applied", (await driver.CaseAsync(id)).GetProperty("status").GetString());

        var approved = await driver.CompleteAsync(driver.Coordinator, task, "approve", new { confirmOverrun = true });
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        await using var db = app.CreateDbContext();
        var audit = Assert.Single(db.AuditEntries.Where(a => a.Action == "budget.overrun-confirmed"));
        var decision = Assert.Single(db.AuditEntries.Where(a => a.Action == "task.complete" && a.Detail == "admission-review:approve"));
        Assert.Equal((decision.Actor, string.Create(CultureInfo.InvariantCulture, $"Jämställdhetsmyndigheten: {30 * 1200m:0.00} with {20_000m:0.00} left")),
            (audit.Actor, audit.Detail));

        // A point intervention is money too: 500 kr where 20 000 − 36 000 = −16 000 kr are left.
        Assert.Equal(HttpStatusCode.Created, (await driver.SubmitPointInterventionAsync(id, "clothes", 500m, "Skor")).StatusCode);
        var review = await driver.OpenTaskAsync(id, "point-intervention-review");
        var unconfirmed = await driver.CompleteAsync(driver.Coordinator, review, "approve");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Matches("[-\u2212]16\u00a0000 kr", (await CaseDriver.FieldErrorsAsync(unconfirmed))["data.confirmOverrun"][0]);
        Assert.True((await driver.CompleteAsync(driver.Coordinator, review, "approve", new { confirmOverrun = true })).IsSuccessStatusCode);
    }

    private static async Task SubmitInvoiceAsync(NspApp app, Guid caseId)
    {
        using var shelter = await app.SignInAsync("shelter-1");
        await using var db = app.CreateDbContext();
        var basis = db.InvoiceBases.Single(b => b.ShelterId == CaseDriver.ShelterNorth);
        var page = await shelter.GetStringAsync($"/invoices/{basis.Id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(NspApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("F-1"), "InvoiceNumber" },
            { new StringContent(basis.Version.ToString()), "Version" },
            { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "InvoiceFile", "faktura.pdf" },
        };
        var submitted = await shelter.PostAsync($"/invoices/{basis.Id}", form);
        Assert.True(submitted.IsSuccessStatusCode, $"{(int)submitted.StatusCode}");
        Assert.Contains("Fakturan är inskickad", await submitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, caseId);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, string handler, Dictionary<string, string> values)
    {
        var page = await admin.GetStringAsync("/budget?year=2026");
        values["__RequestVerificationToken"] = NspApp.AntiforgeryToken(page);
        return await admin.PostAsync($"/budget?handler={handler}&year=2026", new FormUrlEncodedContent(values));
    }

    private static async Task SaveAsync(HttpClient admin, string handler, Dictionary<string, string> values)
    {
        var saved = await PostAsync(admin, handler, values);
        Assert.Contains("Sparat.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A funder's row of the budget table as its cells read, in order.</summary>
    private static string Row(string funder, params decimal[] amounts) =>
        $"<th scope=\"row\">{funder}</th>" + string.Concat(amounts.Select(a => $"{a.ToString("N0", Swedish)} kr"));

    /// <summary>The page's table without the markup between cells, so a row reads as its texts in order.</summary>
    private static string Squeeze(string html) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, @"\s*</td>\s*|\s*<td[^>]*>\s*", ""));
}

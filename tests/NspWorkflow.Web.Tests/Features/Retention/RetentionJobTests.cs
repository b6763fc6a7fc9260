using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Cases.Pages.Application;
using NspWorkflow.Web.Features.Invoicing;
using NspWorkflow.Web.Features.Retention;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Web.Tests.Features.Retention.RetentionDriver;

namespace NspWorkflow.Web.Tests.Features.Retention;

/// <summary>
/// The retention job on SQLite and PostgreSQL, the clock moved years on: a case closed five years and a day ago has its
/// personal data erased (case file, comments, receipt, workflow variables, task data), one closed five years less a day ago
/// not yet; a second run does nothing; each erasure is audited once without personal data; what the reports and the money
/// count is the same before and after; and the erased case still answers on its page, in the API and in the list.
/// The test clock starts 2 March 2026.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RetentionJobTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_case_closed_five_years_and_a_day_ago_is_erased_once_and_what_the_reports_count_is_kept(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var day0 = driver.Today;
        var rejected = await RejectedAsync(driver);
        // Closed two days later, after 3 paid days of reflection (days 0 to 2 at 1 200 kr).
        var mmm = await ClosedByMmmAsync(driver, 2);
        using (var scope = app.Services.CreateScope())
            Assert.IsType<InvoiceRunResult.Built>(await scope.ServiceProvider.GetRequiredService<InvoiceBasisJob>()
                .BuildAsync(new InvoiceMonth(2026, 3), "test", CancellationToken.None));
        var receipt = Path.Combine(app.DataPath, "receipts", mmm.PointIntervention.ToString("N"));
        Assert.True(File.Exists(receipt));

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(3 * 1200m, await db.InvoiceLines.Where(l => l.CaseId == mmm.Id).SumAsync(l => l.Total));
            Assert.Equal([day0, day0.AddDays(2)], await db.Cases.Where(c => c.Id == rejected.Id || c.Id == mmm.Id).OrderBy(c => c.ClosedOn).Select(c => c.ClosedOn!.Value).ToListAsync());
            // Before: the workflows have their variables beside the encrypted file.
            Assert.All(await VariableCountsAsync(db, rejected.Id), count => Assert.True(count > 0));
            Assert.Equal(2, await db.CaseComments.CountAsync(c => c.CaseId == rejected.Id || c.CaseId == mmm.Id));
        }
        var counted = await CountedRowsAsync(app, rejected.Id, mmm.Id);
        Assert.Contains("\"Total\":3600", counted, StringComparison.Ordinal);
        var report = await CaseTablesOfReportAsync(app);
        Assert.Contains("30 dagars reflektion;1;3600", report, StringComparison.Ordinal);

        // Five years and a day after the first closed, a day before the second's five years are up.
        SetDay(app, day0.AddYears(5).AddDays(1));
        Assert.Equal(new RetentionRun(1, 0), await RunAsync(app));
        Assert.Equal(new RetentionRun(0, 0), await RunAsync(app));
        await using (var db = app.CreateDbContext())
        {
            var rows = await db.Cases.AsNoTracking().Where(c => c.Id == rejected.Id || c.Id == mmm.Id).ToDictionaryAsync(c => c.Id);
            Assert.Equal("", rows[rejected.Id].ProtectedData);
            Assert.NotNull(rows[rejected.Id].ErasedAt);
            Assert.Null(rows[mmm.Id].ErasedAt);
            Assert.NotEqual("", rows[mmm.Id].ProtectedData);
            Assert.Equal(0, await db.CaseComments.CountAsync(c => c.CaseId == rejected.Id));
            Assert.Equal(1, await db.CaseComments.CountAsync(c => c.CaseId == mmm.Id));
            Assert.True(File.Exists(receipt));
        }

        // Two days on the second's time is up too; it still had the coordinator's note of MMM and a point intervention open.
        SetDay(app, day0.AddYears(5).AddDays(3));
        Assert.Equal(new RetentionRun(1, 0), await RunAsync(app));
        Assert.Equal(new RetentionRun(0, 0), await RunAsync(app));
        Assert.False(File.Exists(receipt));
        Assert.Equal(counted, await CountedRowsAsync(app, rejected.Id, mmm.Id));
        // The annual report of the cases' year reads only what erasure keeps: its tables about cases and persons are unchanged.
        Assert.Equal(report, await CaseTablesOfReportAsync(app));

        await using (var db = app.CreateDbContext())
        {
            foreach (var (id, reference) in new[] { (rejected.Id, rejected.Reference), (mmm.Id, mmm.Reference) })
            {
                Assert.Equal("", (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id)).ProtectedData);
                Assert.Equal(0, await db.CaseComments.CountAsync(c => c.CaseId == id));
                Assert.All(await VariableCountsAsync(db, id), count => Assert.Equal(0, count));
                var key = id.ToString();
                Assert.False(await db.WorkflowTasks.AnyAsync(t => t.BusinessKey == key && t.DataJson != null));
                var texts = await StoredTextsAsync(db, id);
                Assert.DoesNotContain(texts, t => t.Contains(Name, StringComparison.Ordinal));
                Assert.DoesNotContain(texts, t => t.Contains("birthYear", StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(texts, t => t.Contains("Vinterjacka", StringComparison.Ordinal));

                var erased = Assert.Single(await db.AuditEntries.AsNoTracking().Where(a => a.Action == CaseErasure.ErasedAction && a.CaseId == id).ToListAsync());
                Assert.Equal(CaseErasure.Actor, erased.Actor);
                Assert.Equal(reference, erased.CaseReference);
                Assert.Null(erased.Detail);
            }
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == CaseErasure.ErasedAction));
        }

        // The invoice job of a later month passes the erased cases by.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<InvoiceBasisJob>().BuildAsync(new InvoiceMonth(2031, 2), "test", CancellationToken.None);
        Assert.Equal(counted, await CountedRowsAsync(app, rejected.Id, mmm.Id));
    }

    /// <summary>
    /// The 2026 report's CSV as the reader downloads it, without the tables that depend on the day it is read (the shelters
    /// certified, the budget left): the interventions, persons, gender and age, exploitation, countries, cases per shelter, years.
    /// </summary>
    private static async Task<string> CaseTablesOfReportAsync(NspApp app)
    {
        using var reader = await app.SignInAsync("reader");
        var csv = System.Text.Encoding.UTF8.GetString(await reader.GetByteArrayAsync("/reports?year=2026&handler=csv"));
        var blocks = csv.Split(["\r\n\"\"\r\n", "\r\n\r\n"], StringSplitOptions.None);
        var kept = blocks.Where(b => !b.TrimStart('\uFEFF').StartsWith("Certifierade boenden per region", StringComparison.Ordinal)
            && !b.TrimStart('\uFEFF').StartsWith("Budget mot utfall", StringComparison.Ordinal)).ToList();
        Assert.Equal(blocks.Length - 2, kept.Count);
        return string.Join("\n--\n", kept);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_erased_case_says_so_on_its_page_in_the_API_and_the_list_and_its_open_task_is_gone_not_an_error(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var day0 = driver.Today;
        var mmm = await ClosedByMmmAsync(driver, 1);
        var note = await driver.OpenTaskAsync(mmm.Id, "mmm-noted");
        SetDay(app, day0.AddDays(1).AddYears(5));
        Assert.Equal(new RetentionRun(1, 0), await RunAsync(app));
        var erasedOn = day0.AddDays(1).AddYears(5).ToString("yyyy-MM-dd");

        using var coordinator = await app.SignInAsync("coordinator");
        var page = await coordinator.GetAsync($"/cases/{mmm.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await PagesClient.ReadAsync(page);
        Assert.Contains(mmm.Reference, html, StringComparison.Ordinal);
        Assert.Contains($"Personuppgifterna i ärendet är gallrade {erasedOn}", html, StringComparison.Ordinal);

        var list = await PagesClient.ReadAsync(await coordinator.GetAsync("/cases"));
        Assert.Contains(mmm.Reference, list, StringComparison.Ordinal);
        Assert.Contains("Personuppgifter gallrade", list, StringComparison.Ordinal);

        var api = await driver.Coordinator.GetAsync($"/api/cases/{mmm.Id}");
        Assert.Equal(HttpStatusCode.Gone, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"Personuppgifterna i ärende {mmm.Reference} är gallrade ({erasedOn}).", problem.GetProperty("title").GetString());
        var listed = Assert.Single((await driver.Shelter.GetFromJsonAsync<JsonElement>("/api/cases")).EnumerateArray(),
            c => c.GetProperty("id").GetGuid() == mmm.Id);
        Assert.True(listed.GetProperty("erased").GetBoolean());
        // To another shelter it does not exist, erased or not.
        using var otherShelter = await app.ApiClientAsync("demo-shelter-2");
        Assert.Equal(HttpStatusCode.NotFound, (await otherShelter.GetAsync($"/api/cases/{mmm.Id}")).StatusCode);
        using (var otherShelterPages = await app.SignInAsync("shelter-2"))
            Assert.Equal(HttpStatusCode.NotFound, (await otherShelterPages.GetAsync($"/cases/{mmm.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await driver.Coordinator.GetAsync(
            $"/api/cases/{mmm.Id}/point-interventions/{mmm.PointIntervention}/receipt")).StatusCode);

        // The coordinator's note of MMM, left open: its workflow is ended and the task cancelled, so the inbox no longer lists
        // it; its page and a late completion answer Gone, not a server error.
        Assert.Empty(await driver.OpenTasksAsync(mmm.Id));
        await using (var db = app.CreateDbContext())
        {
            var key = mmm.Id.ToString();
            Assert.All(await db.WorkflowInstances.Where(i => i.BusinessKey == key).Select(i => i.Status).ToListAsync(),
                status => Assert.True(status is InstanceStatus.Completed or InstanceStatus.Terminated, $"an instance is {status}"));
            Assert.False(await db.WorkflowTimers.AnyAsync(t => t.Status == TimerStatus.Pending
                && db.WorkflowInstances.Any(i => i.Id == t.InstanceId && i.BusinessKey == key)));
        }
        Assert.DoesNotContain(mmm.Reference, await PagesClient.ReadAsync(await coordinator.GetAsync("/inbox")), StringComparison.Ordinal);
        var task = await coordinator.GetAsync($"/tasks/{note}");
        Assert.Equal(HttpStatusCode.Gone, task.StatusCode);
        Assert.Contains("Ärendets uppgifter är gallrade", await task.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await driver.CompleteAsync(driver.Coordinator, note, "noted")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await driver.Coordinator.GetAsync($"/api/cases/{mmm.Id}/timeline")).StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task With_one_year_of_retention_the_administrator_sees_the_erasures_of_the_next_30_days_and_the_job_erases_after_a_year(DatabaseProvider provider)
    {
        await using var app = provider == DatabaseProvider.Sqlite
            ? await NspApp.StartAsync(settings: OneYear)
            : await NspApp.StartAsync(provider, await postgres.CreateDatabaseAsync(), OneYear);
        var driver = await CaseDriver.StartAsync(app);
        var day0 = driver.Today;
        var soon = await RejectedAsync(driver);
        var oldDraft = await SaveDraftAsync(app);
        SetDay(app, day0.AddDays(40));
        var later = await RejectedAsync(driver);
        var newDraft = await SaveDraftAsync(app);

        // 2027-02-20: the first is erased on 2027-03-02, in 10 days; the second on 2027-04-11, in 50.
        SetDay(app, day0.AddYears(1).AddDays(-10));
        Assert.Equal(new RetentionRun(0, 0), await RunAsync(app));
        using var admin = await app.SignInAsync("admin");
        var html = await PagesClient.ReadAsync(await admin.GetAsync("/retention"));
        Assert.Contains(soon.Reference, html, StringComparison.Ordinal);
        Assert.Contains("Demoboende Nord", html, StringComparison.Ordinal);
        Assert.Contains(day0.ToString("yyyy-MM-dd"), html, StringComparison.Ordinal);
        Assert.Contains(day0.AddYears(1).ToString("yyyy-MM-dd"), html, StringComparison.Ordinal);
        Assert.DoesNotContain(later.Reference, html, StringComparison.Ordinal);
        Assert.Contains("Inga ärenden har gallrats ännu.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, html, StringComparison.Ordinal);
        foreach (var user in new[] { "coordinator", "shelter-1", "reader" })
        {
            using var client = await app.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/retention")).StatusCode);
        }

        // A year and a day after: the first is erased and listed as done, the second not yet; so is the draft never sent
        // that was last saved then.
        SetDay(app, day0.AddYears(1).AddDays(1));
        Assert.Equal(new RetentionRun(1, 1), await RunAsync(app));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal([soon.Id], await db.Cases.Where(c => c.ErasedAt != null).Select(c => c.Id).ToListAsync());
            Assert.Equal([newDraft], await db.ApplicationDrafts.Select(d => d.Id).ToListAsync());
            Assert.Equal("1", Assert.Single(await db.AuditEntries.Where(a => a.Action == RetentionJob.DraftsAction).ToListAsync()).Detail);
        }
        Assert.NotEqual(oldDraft, newDraft);
        html = await PagesClient.ReadAsync(await admin.GetAsync("/retention"));
        Assert.Contains(soon.Reference, html, StringComparison.Ordinal);
        Assert.Contains("Senast gallrade", html, StringComparison.Ordinal);
        Assert.Contains("Inga ärenden gallras de närmaste 30 dagarna.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_erasures_of_one_case_at_once_erase_it_once(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var rejected = await RejectedAsync(driver);
        SetDay(app, driver.Today.AddYears(5));

        async Task<bool> EraseAsync()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CaseErasure>().EraseAsync(rejected.Id, CancellationToken.None);
        }

        Assert.Equal([false, true], (await Task.WhenAll(EraseAsync(), EraseAsync())).Order());
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == CaseErasure.ErasedAction && a.CaseId == rejected.Id));
        Assert.Equal(new RetentionRun(0, 0), await RunAsync(app));
    }

    private static async Task<Guid> SaveDraftAsync(NspApp app)
    {
        using var scope = app.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<ApplicationDrafts>()
            .SaveAsync(null, null, CaseDriver.ShelterNorth, new ApplicationForm { BirthYear = BirthYear }, CancellationToken.None);
        return Assert.NotNull(saved).Id;
    }

    private static readonly Dictionary<string, string?> OneYear = new() { [RetentionOptions.Key] = "1" };
}

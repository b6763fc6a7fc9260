using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Data.Certification;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Certification;

/// <summary>
/// The daily certification deadline job on SQLite and PostgreSQL: the shelter reminded 60, 30 and 7 days before its
/// certification ends or an action is due, once per deadline and step however often the job runs; the coordinator told of
/// an overdue action once, and shown the passed deadlines in the inbox and the digest; and the lapse the day after the last
/// day: mailed and audited once, new applications refused, the running period unchanged. The test clock starts 2 March 2026.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CertificationDeadlineJobTests(PostgresServer postgres)
{
    private const string Coordinator = "samordnare@nsp.example";
    private const string North = "nord@demoboende.example";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_shelter_is_reminded_60_30_and_7_days_before_its_certification_ends_once_each(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var until = driver.Today.AddDays(61);
        await CertifyAsync(app, CaseDriver.ShelterNorth, until);

        // The day before the 60th: nothing yet.
        Assert.Equal(new CertificationDeadlineRun(0, 0, 0, 0), await RunAsync(app));
        foreach (var (advance, days) in new[] { (1, 60), (30, 30), (23, 7) })
        {
            // The day before the step, the step before it was sent already; on the step's day its reminder goes, once.
            await driver.AdvanceDaysAsync(advance - 1);
            Assert.Equal(0, (await RunAsync(app)).Sent);
            await driver.AdvanceDaysAsync(1);
            Assert.Equal(until.AddDays(-days), driver.Today);
            Assert.Equal(new CertificationDeadlineRun(1, 0, 0, 0), await RunAsync(app));
            Assert.Equal(new CertificationDeadlineRun(0, 0, 0, 1), await RunAsync(app));
        }

        var mail = await CertificationMailAsync(driver);
        Assert.Equal(3, mail.Count);
        Assert.All(mail, m => Assert.Equal([North], To(m)));
        Assert.All(mail, m => Assert.Equal("Påminnelse: certifieringen gäller till och med 2026-05-02", m.GetProperty("subject").GetString()));
        Assert.Equal(["om 60 dagar", "om 30 dagar", "om 7 dagar"], mail.Select(m => System.Text.RegularExpressions.Regex.Match(Text(m), @"om \d+ dagar").Value));
        // No certification row: the link is the overview's. Nothing of a case.
        Assert.All(mail, m => Assert.Matches(@"https?://\S+/certification\r?\n", Text(m)));
        Assert.All(mail, m => Assert.DoesNotMatch(@"NSP-\d{4}", Text(m)));
        await using var db = app.CreateDbContext();
        Assert.Equal([7, 30, 60], await db.CertificationNotices.Select(n => n.Step).OrderBy(s => s).ToListAsync());
        // The 60th day started the year's routine check, which renews the certification, once: the shelter has its task.
        Assert.Equal(2026, Assert.Single(await db.RoutineChecks.Where(r => r.ShelterId == CaseDriver.ShelterNorth).ToListAsync()).Year);
        Assert.Equal(1, await db.WorkflowTasks.CountAsync(t => t.FormKey == "routine-check-report"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_actions_deadline_is_reminded_and_once_overdue_told_to_the_coordinator_in_mail_the_inbox_and_the_digest(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var deadline = driver.Today.AddDays(30);
        var certification = await ActionPlanAsync(app, CaseDriver.ShelterNorth, deadline);
        using var coordinator = await app.SignInAsync("coordinator");

        Assert.Equal(new CertificationDeadlineRun(1, 0, 0, 0), await RunAsync(app));
        Assert.DoesNotContain("certifieringsfrist", await coordinator.GetStringAsync("/inbox"), StringComparison.Ordinal);
        Assert.False(await RunDigestAsync(app));

        await driver.AdvanceDaysAsync(23);
        Assert.Equal(new CertificationDeadlineRun(1, 0, 0, 0), await RunAsync(app));
        await driver.AdvanceDaysAsync(8);
        Assert.Equal(new CertificationDeadlineRun(0, 1, 0, 0), await RunAsync(app));
        await driver.AdvanceDaysAsync(1);
        Assert.Equal(new CertificationDeadlineRun(0, 0, 0, 1), await RunAsync(app));

        var mail = await CertificationMailAsync(driver);
        var reminders = mail.Where(m => To(m).SequenceEqual([North])).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, m => Assert.Equal("Påminnelse: en åtgärd i åtgärdsplanen ska vara klar senast 2026-04-01", m.GetProperty("subject").GetString()));
        var overdue = Assert.Single(mail, m => To(m).SequenceEqual([Coordinator]));
        Assert.Equal("Försenad åtgärd i certifieringen: Demoboende Nord", overdue.GetProperty("subject").GetString());
        Assert.All(mail, m => Assert.Contains($"/certification/{certification}", Text(m), StringComparison.Ordinal));
        // Not the action's text (free text stays behind the sign-in), nothing of a case.
        Assert.All(mail, m => Assert.DoesNotContain("Skriftlig rutin", Text(m), StringComparison.Ordinal));
        Assert.All(mail, m => Assert.DoesNotMatch(@"NSP-\d{4}", Text(m)));

        // The inbox says so, linking to the overview, which shows the action overdue.
        var inbox = await coordinator.GetStringAsync("/inbox");
        Assert.Contains("1 certifieringsfrist har passerat", inbox, StringComparison.Ordinal);
        Assert.Contains("href=\"/certification\"", inbox, StringComparison.Ordinal);
        Assert.Contains("Försenad 2 dagar", await PagesClient.ReadAsync(await coordinator.GetAsync("/certification")), StringComparison.Ordinal);

        // The digest is written though no approval waits, and counts it.
        Assert.True(await RunDigestAsync(app));
        var digest = Assert.Single(await driver.MailAsync(), m => m.GetProperty("kind").GetString() == CoordinatorDigestJob.Kind);
        Assert.Contains("(försenade åtgärder och upphörda certifieringar): 1.", Text(digest), StringComparison.Ordinal);
        Assert.Contains("/certification", Text(digest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_day_after_its_last_day_the_certification_lapses_once_new_applications_are_refused_and_the_running_period_continues(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var (admitted, _) = await driver.ApplyAndAdmitAsync(driver.Today);
        var until = driver.Today.AddDays(3);
        await CertifyAsync(app, CaseDriver.ShelterNorth, until);

        // A job that missed the 60 and 30 days sends the reminder that matters now, with the days actually left.
        Assert.Equal(new CertificationDeadlineRun(1, 0, 0, 0), await RunAsync(app));
        Assert.Contains("om 3 dagar", Text(Assert.Single(await CertificationMailAsync(driver))), StringComparison.Ordinal);
        await driver.AdvanceDaysAsync(3);
        Assert.Equal(0, (await RunAsync(app)).Sent);
        await driver.AdvanceDaysAsync(1);
        Assert.Equal(new CertificationDeadlineRun(0, 0, 1, 0), await RunAsync(app));
        Assert.Equal(new CertificationDeadlineRun(0, 0, 0, 1), await RunAsync(app));

        var lapse = (await CertificationMailAsync(driver)).Where(m => m.GetProperty("subject").GetString() == "Certifieringen har upphört: Demoboende Nord").ToList();
        // The shelter and the coordinator apart, each its own mail.
        Assert.Equal([North, Coordinator], lapse.Select(m => Assert.Single(To(m))).Order(StringComparer.Ordinal));
        Assert.All(lapse, m => Assert.Contains("gällde till och med 2026-03-05 och har upphört", Text(m), StringComparison.Ordinal));
        Assert.All(lapse, m => Assert.Contains("Perioder som redan löper fortsätter", Text(m), StringComparison.Ordinal));
        Assert.All(lapse, m => Assert.DoesNotMatch(@"NSP-\d{4}", Text(m)));
        await using (var db = app.CreateDbContext())
        {
            var audit = Assert.Single(await db.AuditEntries.Where(a => a.Action == CertificationDeadlineJob.LapsedAction).ToListAsync());
            Assert.Equal(("certification-deadline-job", "Demoboende Nord: 2026-03-05", (Guid?)null), (audit.Actor, audit.Detail, audit.CaseId));
        }

        // No new application; the admitted case's reflection runs its 30 days.
        var refused = await driver.Shelter.PostAsJsonAsync("/api/cases", CaseDriver.Application(driver.Today));
        var errors = await CaseDriver.FieldErrorsAsync(refused);
        Assert.Equal(["shelterId"], errors.Keys);
        Assert.Contains("certifi", errors["shelterId"][0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal([("reflection", 1, 30, 30 * 1200m)], CaseDriver.Periods(await driver.CaseAsync(admitted)));

        using var coordinator = await app.SignInAsync("coordinator");
        Assert.Contains("1 certifieringsfrist har passerat", await coordinator.GetStringAsync("/inbox"), StringComparison.Ordinal);
        Assert.True(await RunDigestAsync(app));
        var digest = (await driver.MailAsync()).Last(m => m.GetProperty("kind").GetString() == CoordinatorDigestJob.Kind);
        Assert.Contains("(försenade åtgärder och upphörda certifieringar): 1.", Text(digest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Runs_at_once_as_on_two_nodes_send_a_notice_once(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        await CertifyAsync(app, CaseDriver.ShelterNorth, driver.Today.AddDays(7));

        // However they interleave (each reads first, then the notices' key settles it), one reminder is stored and mailed.
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => RunAsync(app))));
        Assert.Equal((1, 2), (runs.Sum(r => r.Reminders), runs.Sum(r => r.AlreadySent)));
        Assert.Single(await CertificationMailAsync(driver));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.CertificationNotices.CountAsync());
    }

    private static async Task<CertificationDeadlineRun> RunAsync(NspApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertificationDeadlineJob>().RunAsync(CancellationToken.None);
    }

    private static async Task<bool> RunDigestAsync(NspApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoordinatorDigestJob>().RunAsync(CancellationToken.None);
    }

    private static async Task CertifyAsync(NspApp app, Guid shelterId, DateOnly until)
    {
        await using var db = app.CreateDbContext();
        (await db.Shelters.SingleAsync(s => s.Id == shelterId)).Certify(until, app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    /// <summary>A certification at its action plan with one open action due on <paramref name="deadline"/>, stored as the process leaves it.</summary>
    private static async Task<Guid> ActionPlanAsync(NspApp app, Guid shelterId, DateOnly deadline)
    {
        var now = app.Clock.GetUtcNow();
        var action = new ActionItem { Id = Guid.NewGuid(), RequirementKey = "skydd", Text = "Skriftlig rutin för hotbedömning", Deadline = deadline };
        var certification = ShelterCertification.Restore(Guid.NewGuid(), shelterId, 2026, CertificationStage.ActionPlan, null, null, null, [action], null, null);
        var row = new CertificationRow { Id = certification.Id, ShelterId = shelterId, RequirementsYear = 2026, StartedAt = now };
        CertificationDocument.Write(certification, row, now);
        await using var db = app.CreateDbContext();
        db.Certifications.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static async Task<List<JsonElement>> CertificationMailAsync(CaseDriver driver) =>
        [.. (await driver.MailAsync()).Where(m => m.GetProperty("kind").GetString() == CertificationDeadlineMail.Kind)];

    private static string[] To(JsonElement mail) => [.. mail.GetProperty("to").EnumerateArray().Select(t => t.GetString()!)];

    private static string Text(JsonElement mail) => mail.GetProperty("text").GetString()!;
}

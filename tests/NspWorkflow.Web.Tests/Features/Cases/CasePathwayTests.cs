using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>Whole cases through the API with the clock moved, on SQLite and on PostgreSQL.</summary>
[Collection(AppCollection.Name)]
public sealed class CasePathwayTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_police_report_with_MMM_on_day_12_ends_the_reflection_with_12_paid_days_with_the_child_supplement(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var driver = await CaseDriver.StartAsync(app);
        var placement = driver.Today;
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(placement, new { birthYear = 2019, inSweden = true }));
        Assert.Matches(@"^NSP-\d{4}-0001$", reference);

        await driver.CompleteOkAsync(driver.Coordinator, id, "admission-review", "approve");
        var admitted = await driver.CaseAsync(id);
        Assert.Equal("active", admitted.GetProperty("status").GetString());
        Assert.Equal([("reflection", 1, 30, 30 * 1700m)], CaseDriver.Periods(admitted));

        await driver.AdvanceDaysAsync(11);
        var report = await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/messages",
            new { name = "police-report-filed", data = new { date = placement.AddDays(11), mmmGranted = true } });
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);

        var ended = await driver.CaseAsync(id);
        Assert.Equal("mmm", ended.GetProperty("outcome").GetString());
        Assert.Equal("closed", ended.GetProperty("status").GetString());
        Assert.Equal([("reflection", 1, 12, 12 * 1700m)], CaseDriver.Periods(ended));
        // Nothing is left for the shelter; the coordinator is told the state took over.
        Assert.Equal(["mmm-noted"], ended.GetProperty("openTasks").EnumerateArray().Select(t => t.GetProperty("formKey").GetString()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_case_without_children_runs_reflection_three_extended_periods_and_integration_with_reminders_on_their_days(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var driver = await CaseDriver.StartAsync(app);
        var d = driver.Today;
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(d));
        await driver.CompleteOkAsync(driver.Coordinator, id, "admission-review", "approve");

        // Reflection: days 0..29. The reminders come 7 and 2 days before the last day; the shelter decides on the last day.
        await driver.AdvanceDaysAsync(21);
        Assert.Empty(await RemindersAsync(driver));
        await driver.AdvanceDaysAsync(1);
        Assert.Equal([d.AddDays(22)], await RemindersAsync(driver));
        await driver.AdvanceDaysAsync(7);
        var nextStep = await driver.OpenTaskAsync(id, "next-step");
        var task = await driver.Shelter.GetFromJsonAsync<JsonElement>($"/api/tasks/{nextStep}");
        Assert.Equal(reference, task.GetProperty("caseReference").GetString());
        Assert.Equal("shelter", task.GetProperty("assigneeRole").GetString());

        // Extended support needs the comprehensive needs assessment; without it the request is refused.
        var refused = await driver.CompleteAsync(driver.Shelter, nextStep, "extended");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data.needsAssessment", await refused.Content.ReadAsStringAsync());
        await driver.CompleteOkAsync(driver.Shelter, id, "next-step", "extended", new { needsAssessment = CaseDriver.Comprehensive(driver.Today) });
        await driver.CompleteOkAsync(driver.Coordinator, id, "extended-review", "approve");

        // Three extended periods of 90 days: the first at the full rate, the later ones at half the adult rate.
        for (var period = 1; period <= 3; period++)
        {
            await driver.AdvanceDaysAsync(90);
            if (period < 3)
            {
                await driver.CompleteOkAsync(driver.Shelter, id, "next-step", "extended");
                await driver.CompleteOkAsync(driver.Coordinator, id, "extended-review", "approve");
            }
        }

        // A fourth extended period is refused; integration follows.
        var fourth = await driver.CompleteAsync(driver.Shelter, await driver.OpenTaskAsync(id, "next-step"), "extended");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fourth.StatusCode);
        Assert.Contains("Högst 3 perioder", await fourth.Content.ReadAsStringAsync());
        await driver.CompleteOkAsync(driver.Shelter, id, "next-step", "integration");
        await driver.CompleteOkAsync(driver.Coordinator, id, "integration-review", "approve");

        await driver.AdvanceDaysAsync(45);
        await driver.CompleteOkAsync(driver.Shelter, id, "exit-report", "submit", new { report = "Personen har fått eget boende och arbete." });

        var closed = await driver.CaseAsync(id);
        Assert.Equal(("closed", "integration"), (closed.GetProperty("status").GetString(), closed.GetProperty("outcome").GetString()));
        Assert.Equal(
            [("reflection", 1, 30, 30 * 1200m), ("extended", 1, 90, 90 * 1200m), ("extended", 2, 90, 90 * 600m),
             ("extended", 3, 90, 90 * 600m), ("integration", 1, 45, 45 * 500m)],
            CaseDriver.Periods(closed));
        Assert.Equal(d.AddDays(30 + 270 + 44), closed.GetProperty("periods")[4].GetProperty("lastDay").GetString() is { } last ? DateOnly.Parse(last) : default);

        // Every period's reminders on their days: 7 and 2 days before its last day.
        int[] lastDays = [29, 119, 209, 299, 344];
        Assert.Equal(lastDays.SelectMany(l => new[] { d.AddDays(l - 7), d.AddDays(l - 2) }), await RemindersAsync(driver));

        // Mail names the case by its reference and the kind of task, nothing about the person.
        var mail = await driver.MailAsync();
        Assert.All(mail, m => Assert.Equal(["nord@demoboende.example"], m.GetProperty("to").EnumerateArray().Select(t => t.GetString())));
        Assert.All(mail.Where(m => m.GetProperty("kind").GetString() == "reminder"),
            m => Assert.Contains(reference, m.GetProperty("text").GetString()));
        foreach (var text in mail.Select(m => m.GetProperty("subject").GetString() + "\n" + m.GetProperty("text").GetString()))
        {
            foreach (var personal in new[] { "1995", "RO", "female", "kvinna", "sexual", "Hemlig anteckning", "eget boende" })
                Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The days (in Sweden) the reminder mails were written, in order.</summary>
    private static async Task<List<DateOnly>> RemindersAsync(CaseDriver driver) =>
        [.. (await driver.MailAsync()).Where(m => m.GetProperty("kind").GetString() == "reminder")
            .Select(m => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.GetProperty("createdAt").GetDateTimeOffset(),
                TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime))
            .Order()];

    private async Task<NspApp> StartAsync(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? await NspApp.StartAsync()
        : await NspApp.StartAsync(provider, await postgres.CreateDatabaseAsync());
}

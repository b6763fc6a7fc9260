using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NspWorkflow.Data;
using NspWorkflow.Web.Tests.Infrastructure;

namespace NspWorkflow.Web.Tests.Cases;

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
        Assert.Empty(ended.GetProperty("openTasks").EnumerateArray());
    }

    private async Task<NspApp> StartAsync(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? await NspApp.StartAsync()
        : await NspApp.StartAsync(provider, await postgres.CreateDatabaseAsync());
}

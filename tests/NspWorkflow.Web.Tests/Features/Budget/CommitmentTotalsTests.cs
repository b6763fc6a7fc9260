using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Budget;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Budget;

/// <summary>
/// The budget reads the months' commitment totals, not the case months: they must move with every approval and shortening,
/// also when the coordinator approves several cases at the same moment, keep their sums when folded, and a database from
/// before the totals gets them.
/// A reflection admitted on 2 March is 30 days, 2–31 March, at 600 + 600 kr a day.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CommitmentTotalsTests(PostgresServer postgres)
{
    private const int March = 202603;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Approvals_at_the_same_moment_and_a_shortening_each_change_the_months_total_once(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var cases = new List<Guid>();
        for (var i = 0; i < 6; i++)
            cases.Add((await driver.ApplyAsync(CaseDriver.Application(driver.Today))).Id);
        var tasks = new List<Guid>();
        foreach (var id in cases)
            tasks.Add(await driver.OpenTaskAsync(id, "admission-review"));

        // Six admissions approved at once, each adding 36 000 kr to March: none waits for or fails on another.
        var approved = await Task.WhenAll(tasks.Select(t => driver.CompleteAsync(driver.Coordinator, t, "approve")));
        Assert.All(approved, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        Assert.Equal(6 * 30 * 1200m, await MarchAsync(app));

        // The job folds March's six rows into one with the same sum.
        using (var scope = app.Services.CreateScope())
            Assert.Equal(6, await scope.ServiceProvider.GetRequiredService<CommitmentTotals>().CompactAsync(CancellationToken.None));
        await using (var db = app.CreateDbContext())
            Assert.Equal(6 * 30 * 1200m, Assert.Single(await db.CommitmentTotals.Where(t => t.Month == March).ToListAsync()).Amount);
        Assert.Equal(6 * 30 * 1200m, await MarchAsync(app));

        // A police report with MMM on 11 March ends the first reflection that day: 20 days, 12–31 March, are released.
        await driver.AdvanceDaysAsync(10);
        var reported = await driver.ReportToPoliceAsync(cases[0], new DateOnly(2026, 3, 11), mmmGranted: true);
        Assert.True(reported.IsSuccessStatusCode, await reported.Content.ReadAsStringAsync());
        Assert.Equal((6 * 30 - 20) * 1200m, await MarchAsync(app));

        // Always what the case months sum to.
        await using var context = app.CreateDbContext();
        var months = await context.CommitmentMonths.Where(m => m.Month == March).Select(m => m.Amount).ToListAsync();
        Assert.Equal(months.Sum(), await MarchAsync(app));
    }

    [Fact]
    public async Task A_database_from_before_the_totals_gets_them_from_its_case_months_at_the_next_start()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        await driver.ApplyAndAdmitAsync(driver.Today);
        await driver.AdvanceDaysAsync(10);
        await driver.ApplyAndAdmitAsync(driver.Today);
        await using (var db = app.CreateDbContext())
            await db.CommitmentTotals.ExecuteDeleteAsync();
        Assert.Equal(0m, await MarchAsync(app));

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CommitmentTotals>().FillWhereMissingAsync(CancellationToken.None);
        // 2–31 March and 12–31 March: 30 + 20 days at 1 200 kr.
        Assert.Equal((30 + 20) * 1200m, await MarchAsync(app));
    }

    private static async Task<decimal> MarchAsync(NspApp app)
    {
        using var scope = app.Services.CreateScope();
        var year = await scope.ServiceProvider.GetRequiredService<CommitmentTotals>().OfYearAsync(2026, CancellationToken.None);
        return year.Where(m => m.Key.Number == March).Sum(m => m.Value);
    }
}

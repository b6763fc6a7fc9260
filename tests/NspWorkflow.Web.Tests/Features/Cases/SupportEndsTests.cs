using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// Support that ends mid-period (issue 15, item 11): the shelter's "end" names the last day of support, and the running
/// period is paid to that day only; without the day the choice is refused naming it. On SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SupportEndsTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Ending_support_on_day_11_closes_the_case_and_pays_11_days(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var placement = driver.Today;
        var (id, _) = await driver.ApplyAndAdmitAsync(placement);
        await driver.AdvanceDaysAsync(10);

        var task = await driver.OpenTaskAsync(id, "next-step");
        var errors = await CaseDriver.FieldErrorsAsync(await driver.CompleteAsync(driver.Shelter, task, "end"));
        Assert.Equal(["data.lastDay"], errors.Keys);

        await driver.CompleteOkAsync(driver.Shelter, id, "next-step", "end", new { lastDay = placement.AddDays(10) });
        var stored = await driver.CaseAsync(id);
        Assert.Equal("closed", stored.GetProperty("status").GetString());
        // 11 days at 600 + 600 kr, not the 30 the reflection was planned for.
        Assert.Equal([("reflection", 1, 11, 11 * 1200m)], CaseDriver.Periods(stored));
        Assert.Equal(11 * 1200m, stored.GetProperty("totalAmount").GetDecimal());
    }
}

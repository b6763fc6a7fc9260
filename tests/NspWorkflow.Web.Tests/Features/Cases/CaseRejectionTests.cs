using System.Net;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>The coordinator refuses an admission: only with a reason, which the shelter then reads on the closed case.</summary>
[Collection(AppCollection.Name)]
public sealed class CaseRejectionTests(PostgresServer postgres)
{
    private const string Reason = "Underlaget visar inte att kriterierna är uppfyllda.";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_rejected_admission_closes_the_case_with_the_reason_for_the_shelter_and_no_period(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var review = await driver.OpenTaskAsync(id, "admission-review");

        // A rejection needs a reason: none, or only blanks, is refused and changes nothing.
        var withoutData = await driver.CompleteAsync(driver.Coordinator, review, "reject");
        Assert.Contains("data.reason", (await CaseDriver.FieldErrorsAsync(withoutData)).Keys);
        var blank = await driver.CompleteAsync(driver.Coordinator, review, "reject", new { reason = "   " });
        Assert.Contains("data.reason", (await CaseDriver.FieldErrorsAsync(blank)).Keys);

        var pending = await driver.CaseAsync(id, driver.Shelter);
        Assert.Equal("applied", pending.GetProperty("status").GetString());
        Assert.Equal("open", pending.GetProperty("outcome").GetString());
        Assert.Equal(review, Assert.Single(await driver.OpenTasksAsync(id)).GetProperty("id").GetGuid());

        var rejected = await driver.CompleteAsync(driver.Coordinator, review, "reject", new { reason = Reason });
        await CaseDriver.AssertStatusAsync(HttpStatusCode.OK, rejected, "reject with a reason");

        var closed = await driver.CaseAsync(id, driver.Shelter);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("rejected", closed.GetProperty("outcome").GetString());
        Assert.Equal(Reason, closed.GetProperty("rejectionReason").GetString());
        Assert.Empty(closed.GetProperty("periods").EnumerateArray());
        Assert.Equal(0m, closed.GetProperty("totalAmount").GetDecimal());
        Assert.Empty(closed.GetProperty("openTasks").EnumerateArray());
        Assert.Empty(await driver.OpenTasksAsync(id));
        Assert.Empty(await driver.OpenTasksAsync(id, driver.Shelter));

        // The clock running on starts nothing: no reflection timers, no next-step task.
        await driver.AdvanceDaysAsync(31);
        var later = await driver.CaseAsync(id);
        Assert.Equal("rejected", later.GetProperty("outcome").GetString());
        Assert.Empty(later.GetProperty("periods").EnumerateArray());
        Assert.Empty(await driver.OpenTasksAsync(id));
    }
}

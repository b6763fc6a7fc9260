using System.Net;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// Two workflow steps of different instances changing the same case at once: the case row's version lets one win, and
/// the other is run again from a fresh load with its caller's change replayed, so both decisions are kept.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CaseConcurrencyTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_point_intervention_reviews_of_one_case_approved_at_once_are_both_kept(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        using var secondCoordinator = await app.ApiClientAsync("demo-coordinator");

        for (var round = 0; round < 3; round++)
        {
            var (caseId, _) = await driver.ApplyAndAdmitAsync(driver.Today);
            Assert.Equal(HttpStatusCode.Created, (await driver.SubmitPointInterventionAsync(caseId, "clothes", 500m, "Skor")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await driver.SubmitPointInterventionAsync(caseId, "phone", 700m, "Telefon")).StatusCode);
            var reviews = (await driver.OpenTasksAsync(caseId))
                .Where(t => t.GetProperty("formKey").GetString() == "point-intervention-review")
                .Select(t => t.GetProperty("id").GetGuid()).ToList();
            Assert.Equal(2, reviews.Count);

            var answers = await Task.WhenAll(
                driver.CompleteAsync(driver.Coordinator, reviews[0], "approve"),
                driver.CompleteAsync(secondCoordinator, reviews[1], "approve"));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

            var stored = await driver.CaseAsync(caseId);
            Assert.Equal(["approved", "approved"],
                stored.GetProperty("pointInterventions").EnumerateArray().Select(p => p.GetProperty("status").GetString()));
            Assert.Equal(30 * 1200m + 1200m, stored.GetProperty("totalAmount").GetDecimal());
            Assert.DoesNotContain(await driver.OpenTasksAsync(caseId), t => t.GetProperty("formKey").GetString() == "point-intervention-review");
        }
    }
}

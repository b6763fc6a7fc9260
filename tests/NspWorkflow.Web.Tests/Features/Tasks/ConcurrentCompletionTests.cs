using System.Net;
using System.Text.Json;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Tasks;

/// <summary>Two people complete the same task at the same moment: the first wins, the other is told it is done (409).</summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrentCompletionTests(PostgresServer postgres)
{
    private const int Rounds = 4;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Of_two_simultaneous_completions_of_one_admission_review_one_gets_200_and_one_409_and_the_case_is_decided_once(
        DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var secondCoordinator = await app.ApiClientAsync("demo-coordinator");

        for (var round = 0; round < Rounds; round++)
        {
            var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
            var review = await driver.OpenTaskAsync(id, "admission-review");

            // Even rounds: both approve. Odd rounds: one approves, the other rejects; whichever wins, the loser leaves no trace.
            var rejecting = round % 2 == 1;
            var responses = await Task.WhenAll(
                driver.CompleteAsync(driver.Coordinator, review, "approve"),
                rejecting
                    ? driver.CompleteAsync(secondCoordinator, review, "reject", new { reason = "Avslås." })
                    : driver.CompleteAsync(secondCoordinator, review, "approve"));
            var codes = responses.Select(r => r.StatusCode).ToList();
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
            Assert.True(codes.Count(c => c == HttpStatusCode.OK) == 1 && codes.Count(c => c == HttpStatusCode.Conflict) == 1,
                $"Round {round}: expected one 200 and one 409, got {string.Join(", ", codes.Select(c => (int)c))}: {string.Join(" | ", bodies)}");

            var decided = await driver.CaseAsync(id);
            var approveWon = !rejecting || responses[0].StatusCode == HttpStatusCode.OK;
            if (approveWon)
            {
                Assert.Equal("active", decided.GetProperty("status").GetString());
                Assert.Equal("open", decided.GetProperty("outcome").GetString());
                Assert.Equal([("reflection", 1, 30, 30 * 1200m)], CaseDriver.Periods(decided));
                Assert.True(!decided.TryGetProperty("rejectionReason", out var reason) || reason.ValueKind == JsonValueKind.Null);
                var open = await driver.OpenTasksAsync(id);
                Assert.Equal(["next-step"], open.Select(t => t.GetProperty("formKey").GetString()));
            }
            else
            {
                Assert.Equal("closed", decided.GetProperty("status").GetString());
                Assert.Equal("rejected", decided.GetProperty("outcome").GetString());
                Assert.Equal("Avslås.", decided.GetProperty("rejectionReason").GetString());
                Assert.Empty(decided.GetProperty("periods").EnumerateArray());
                Assert.Empty(await driver.OpenTasksAsync(id));
            }
        }
    }
}

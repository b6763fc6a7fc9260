using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// Applications the program's rules refuse at the door (issue 15, items 1 and 2), on the embedded default and on
/// PostgreSQL: a placement before any tariff (no rate exists for those days), and a victim under 18 at the placement
/// (000: a child victim is society's to protect, so the answer points to the social services). Nothing is stored.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApplicationRulesTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_placement_before_any_tariff_and_a_child_victim_are_refused_naming_the_field(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);

        var early = Application(driver.Today);
        early["placementDate"] = "2015-06-01";
        var tooEarly = await CaseDriver.FieldErrorsAsync(await driver.Shelter.PostAsJsonAsync("/api/cases", early));
        Assert.Equal(["placementDate"], tooEarly.Keys);

        // Placed this year, born 17 years before: under 18 whatever the birthday.
        var child = Application(driver.Today);
        child["birthYear"] = driver.Today.Year - 17;
        var childVictim = await CaseDriver.FieldErrorsAsync(await driver.Shelter.PostAsJsonAsync("/api/cases", child));
        Assert.Equal(["birthYear"], childVictim.Keys);
        Assert.Contains("socialtjänsten", Assert.Single(childVictim["birthYear"]));
        Assert.Equal(0, await driver.StoredCaseCountAsync());

        // Turning 18 in the placement year counts as an adult, and an accompanying child stays part of the case.
        var adult = Application(driver.Today);
        adult["birthYear"] = driver.Today.Year - 18;
        adult["children"] = new JsonArray(new JsonObject { ["birthYear"] = driver.Today.Year - 1, ["inSweden"] = true });
        var (id, _) = await driver.ApplyAsync(adult);
        Assert.Equal(1, (await driver.CaseAsync(id)).GetProperty("children").GetArrayLength());
    }

    private static JsonObject Application(DateOnly today) =>
        JsonSerializer.SerializeToNode(CaseDriver.Application(today), JsonSerializerOptions.Web)!.AsObject();
}

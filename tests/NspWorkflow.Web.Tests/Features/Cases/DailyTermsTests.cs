using System.Net;
using System.Net.Http.Json;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// What changes a running case's daily amount from a day on (issue 15, items 8 and 10), through the API as a shelter
/// would: a child joining and leaving, the public paying one part. On SQLite and PostgreSQL, every sum by hand.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DailyTermsTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_child_born_during_the_reflection_and_the_public_paying_housing_change_the_amount_by_day(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var placement = driver.Today;
        var (id, _) = await driver.ApplyAndAdmitAsync(placement);

        // Missing fields and a day outside the case's periods are refused, naming the field; nothing is stored.
        var before = (await driver.CaseAsync(id)).GetRawText();
        Assert.Equal(["birthYear", "from"], (await CaseDriver.FieldErrorsAsync(
            await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/children", new { inSweden = true }))).Keys.Order());
        Assert.Equal(["from"], (await CaseDriver.FieldErrorsAsync(await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/children",
            new { birthYear = 2026, inSweden = true, from = placement.AddDays(45) }))).Keys);
        Assert.Equal(["protection"], (await CaseDriver.FieldErrorsAsync(await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/public-pays",
            new { housing = true, protection = true, from = placement.AddDays(5) }))).Keys);
        Assert.Equal(before, (await driver.CaseAsync(id)).GetRawText());

        // A child born on day 11: 10 days at 600 + 600 kr, 20 days with the child's 500 kr.
        await CaseDriver.AssertStatusAsync(HttpStatusCode.OK, await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/children",
            new { birthYear = placement.Year, inSweden = true, from = placement.AddDays(10) }), "child joined");
        Assert.Equal([("reflection", 1, 30, 10 * 1200m + 20 * 1700m)], CaseDriver.Periods(await driver.CaseAsync(id)));

        // From day 21 the municipality pays the housing: those 10 days pay protection and support (600 kr) and the child.
        await CaseDriver.AssertStatusAsync(HttpStatusCode.OK, await driver.Coordinator.PostAsJsonAsync($"/api/cases/{id}/public-pays",
            new { housing = true, protection = false, from = placement.AddDays(20) }), "public pays");
        var stored = await driver.CaseAsync(id);
        Assert.Equal([("reflection", 1, 30, 10 * 1200m + 10 * 1700m + 10 * 1100m)], CaseDriver.Periods(stored));
        Assert.Equal(2, stored.GetProperty("periods")[0].GetProperty("changes").GetArrayLength());

        // The child leaves; its supplement is paid to day 25: 10 × 1 200 + 10 × 1 700 + 5 × 1 100 + 5 × 600.
        await CaseDriver.AssertStatusAsync(HttpStatusCode.OK, await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/children/0/left",
            new { lastDay = placement.AddDays(24) }), "child left");
        stored = await driver.CaseAsync(id);
        Assert.Equal([("reflection", 1, 30, 10 * 1200m + 10 * 1700m + 5 * 1100m + 5 * 600m)], CaseDriver.Periods(stored));
        Assert.Equal(placement.AddDays(24).ToString("yyyy-MM-dd"), stored.GetProperty("children")[0].GetProperty("leftOn").GetString());
        Assert.Equal(["child"], (await CaseDriver.FieldErrorsAsync(await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/children/0/left",
            new { lastDay = placement.AddDays(26) }))).Keys);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_motivated_supplement_is_asked_for_on_its_own_and_paid_from_the_day_the_coordinator_approves_it(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var placement = driver.Today;
        var (id, _) = await driver.ApplyAndAdmitAsync(placement);

        // 002: "Eventuella tillägg ska motiveras": without a reason it is refused, naming the field.
        Assert.Equal(["justification"], (await CaseDriver.FieldErrorsAsync(
            await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/motivated-supplement", new { justification = " " }))).Keys);
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Created,
            await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/motivated-supplement", new { justification = "Nattbemanning behövs." }), "supplement");
        Assert.Equal(["supplement"], (await CaseDriver.FieldErrorsAsync(
            await driver.Shelter.PostAsJsonAsync($"/api/cases/{id}/motivated-supplement", new { justification = "Igen." }))).Keys);

        // Approved on day 11, apart from any period: 10 days at 1 200 kr, 20 days at 1 200 + 200 kr.
        await driver.AdvanceDaysAsync(10);
        await driver.CompleteOkAsync(driver.Coordinator, id, "motivated-supplement-review", "approve");
        var stored = await driver.CaseAsync(id);
        Assert.Equal([("reflection", 1, 30, 10 * 1200m + 20 * 1400m)], CaseDriver.Periods(stored));
        var supplement = stored.GetProperty("supplements")[0];
        Assert.Equal(("approved", placement.AddDays(10).ToString("yyyy-MM-dd")),
            (supplement.GetProperty("status").GetString(), supplement.GetProperty("decidedOn").GetString()));
    }
}

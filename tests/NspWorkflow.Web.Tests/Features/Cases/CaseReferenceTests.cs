using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// Case references (issue 21, item 1): simultaneous applications all open, each with its own number of the year, on the
/// embedded default and on PostgreSQL; a refused application gives its number back; a database whose cases were
/// numbered before the counter existed continues their numbering.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CaseReferenceTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Fifty_simultaneous_applications_from_two_shelters_all_open_with_distinct_references(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        using var south = await app.ApiClientAsync("demo-shelter-2");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => i % 2 == 0
            ? driver.Shelter.PostAsJsonAsync("/api/cases", CaseDriver.Application(CaseDriver.ShelterNorth, driver.Today))
            : south.PostAsJsonAsync("/api/cases", CaseDriver.Application(CaseDriver.ShelterSouth, driver.Today))));

        foreach (var response in responses)
            await CaseDriver.AssertStatusAsync(HttpStatusCode.Created, response, "A simultaneous application");
        var references = new List<string>();
        foreach (var response in responses)
            references.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!);
        // Every number of the year from 1 to 50, each once: none lost, none given twice.
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"NSP-2026-{n:D4}"), references.Order());
        Assert.Equal(50, await driver.StoredCaseCountAsync());
        // Each case started its process: the coordinator has one admission review per case.
        Assert.Equal(50, (await driver.Coordinator.GetFromJsonAsync<JsonElement>("/api/tasks?status=open")).GetArrayLength());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_database_numbered_before_the_counter_continues_and_a_refused_application_takes_no_number(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        // Cases of 2026 up to number 7 (with gaps) stored as the app stored them before the counter: no counter row.
        await AddCasesAsync(app, ["NSP-2026-0003", "NSP-2026-0007", "NSP-2025-0012"]);

        Assert.Equal("NSP-2026-0008", (await driver.ApplyAsync(CaseDriver.Application(driver.Today))).Reference);
        // A person under 18 is refused by the program's rules after the number was taken: the number goes back.
        var child = JsonSerializer.SerializeToNode(CaseDriver.Application(driver.Today), JsonSerializerOptions.Web)!.AsObject();
        child["birthYear"] = 2015;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await driver.Shelter.PostAsJsonAsync("/api/cases", child)).StatusCode);
        Assert.Equal("NSP-2026-0009", (await driver.ApplyAsync(CaseDriver.Application(driver.Today))).Reference);

        await using var db = app.CreateDbContext();
        Assert.Equal(9, await db.CaseReferenceCounters.Where(c => c.Year == 2026).Select(c => c.LastNumber).SingleAsync());
    }

    private static async Task AddCasesAsync(NspApp app, IReadOnlyList<string> references)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<CaseStore>();
        var shelter = await db.Shelters.FindAsync(CaseDriver.ShelterNorth);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var tariffs = scope.ServiceProvider.GetRequiredService<NspWorkflow.Web.Features.Tariffs.TariffCatalog>().Current;
        foreach (var reference in references)
        {
            var @case = Case.Open(Guid.NewGuid(), reference, new CaseApplication(CaseDriver.ShelterNorth, today.AddDays(-5), 1990, Gender.Female,
                "RO", [ExploitationForm.Labour], [], new AdmissionCriteria(true, true, true), null), shelter, app.Clock.GetUtcNow(), today, tariffs);
            store.Add(@case, app.Clock.GetUtcNow());
        }
        await db.SaveChangesAsync();
    }
}

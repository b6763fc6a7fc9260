using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// Who may see and act on a case: to another shelter it does not exist (404, as an unknown id); a reader reads but does
/// not act; a shelter does not do the coordinator's tasks.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CaseAccessTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Another_shelter_gets_404_for_a_case_and_its_tasks_and_does_not_see_them_listed(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var other = await app.ApiClientAsync("demo-shelter-2");
        var (id, reference) = await driver.ApplyAndAdmitAsync(driver.Today);
        var admissionReview = Assert.Single(await driver.Coordinator.GetFromJsonAsync<JsonElement[]>($"/api/tasks?status=completed&caseId={id}")
            ?? []).GetProperty("id").GetGuid();
        var nextStep = await driver.OpenTaskAsync(id, "next-step");

        // The owning shelter reaches all of it (so the 404s below are about the caller, not the case).
        await CaseDriver.AssertStatusAsync(HttpStatusCode.OK, await driver.Shelter.GetAsync($"/api/tasks/{nextStep}"), "own task");
        Assert.Contains(await driver.Shelter.GetFromJsonAsync<JsonElement[]>("/api/cases") ?? [], c => c.GetProperty("id").GetGuid() == id);

        var unknown = await other.GetAsync($"/api/cases/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var unknownProblem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        var attempts = new Dictionary<string, HttpResponseMessage>
        {
            ["GET case"] = await other.GetAsync($"/api/cases/{id}"),
            ["POST message"] = await driver.ReportToPoliceAsync(id, driver.Today, mmmGranted: true, other),
            ["POST point intervention"] = await driver.SubmitPointInterventionAsync(id, "clothes", 500m, "Kläder", other),
            ["GET task"] = await other.GetAsync($"/api/tasks/{nextStep}"),
            ["complete task"] = await driver.CompleteAsync(other, nextStep, "end"),
            // Even a completed task must not answer 409, which would tell that it exists.
            ["complete completed task"] = await driver.CompleteAsync(other, admissionReview, "approve"),
        };
        foreach (var (what, response) in attempts)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: expected 404, got {(int)response.StatusCode}: {body}");
            Assert.DoesNotContain(reference, body, StringComparison.Ordinal);
            // The same answer as for an id that never existed.
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(unknownProblem.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
            Assert.Equal(Detail(unknownProblem), Detail(problem));
        }

        Assert.DoesNotContain(await other.GetFromJsonAsync<JsonElement[]>("/api/cases") ?? [], c => c.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(await other.GetFromJsonAsync<JsonElement[]>("/api/tasks?status=all") ?? [],
            t => t.GetProperty("caseId").GetGuid() == id);
        Assert.Empty(await other.GetFromJsonAsync<JsonElement[]>($"/api/tasks?status=all&caseId={id}") ?? []);

        // Applying in the other shelter's name is refused on the field, and nothing is stored.
        var foreign = await other.PostAsJsonAsync("/api/cases", CaseDriver.Application(driver.Today));
        Assert.Equal(["shelterId"], (await CaseDriver.FieldErrorsAsync(foreign)).Keys);
        Assert.Equal(1, await driver.StoredCaseCountAsync());

        // Nothing the other shelter tried reached the case.
        var untouched = await driver.CaseAsync(id, driver.Shelter);
        Assert.Empty(untouched.GetProperty("policeReports").EnumerateArray());
        Assert.Empty(untouched.GetProperty("pointInterventions").EnumerateArray());
        Assert.Equal("open", untouched.GetProperty("outcome").GetString());
        Assert.Equal(nextStep, await driver.OpenTaskAsync(id, "next-step"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_reader_sees_no_case_nor_its_tasks_and_a_shelter_cannot_do_the_coordinators_task(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var reader = await app.ApiClientAsync("demo-reader");
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var review = await driver.OpenTaskAsync(id, "admission-review");

        // The reader role sees counts and reports only: a case is not found, the lists of cases and tasks are refused.
        await CaseDriver.AssertStatusAsync(HttpStatusCode.NotFound, await reader.GetAsync($"/api/cases/{id}"), "reader reads the case");
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Forbidden, await reader.GetAsync("/api/cases"), "reader lists cases");
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Forbidden, await reader.GetAsync($"/api/tasks?caseId={id}"), "reader lists tasks");
        await CaseDriver.AssertStatusAsync(HttpStatusCode.NotFound, await reader.GetAsync($"/api/tasks/{review}"), "reader reads the task");
        await CaseDriver.AssertStatusAsync(HttpStatusCode.NotFound, await driver.CompleteAsync(reader, review, "approve"), "reader completes");
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Forbidden, await driver.CompleteAsync(driver.Shelter, review, "approve"),
            "shelter completes the coordinator's review");

        var stillApplied = await driver.CaseAsync(id);
        Assert.Equal("applied", stillApplied.GetProperty("status").GetString());
        Assert.Empty(stillApplied.GetProperty("periods").EnumerateArray());
        Assert.Equal(review, await driver.OpenTaskAsync(id, "admission-review"));

        // The reader does not act on the case either; the coordinator still can.
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Forbidden,
            await reader.PostAsJsonAsync($"/api/cases/{id}/point-interventions", new { categoryKey = "clothes", amount = 500m, description = "Kläder", date = driver.Today }),
            "reader applies for a point intervention");
        await driver.CompleteOkAsync(driver.Coordinator, id, "admission-review", "approve");
        Assert.Equal("active", (await driver.CaseAsync(id)).GetProperty("status").GetString());
        await using var db = app.CreateDbContext();
        Assert.DoesNotContain(await db.AuditEntries.AsNoTracking().Where(a => a.CaseId == id).Select(a => a.Actor).ToListAsync(), actor => actor.Contains("reader") || actor.Contains("Läsare"));
    }

    private static string? Detail(JsonElement problem) => problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// Fields the API does not know (issue 15, item 12), on the embedded default and on PostgreSQL: a misspelt field of an
/// application, of one of its children, or of a task's data is refused with 422 naming its JSON path, in Swedish or in
/// English, where it used to be dropped with its value. Nothing is stored; the task stays open.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UnknownFieldTests(PostgresServer postgres)
{
    private const string Swedish = "Är inget känt fält.";
    private const string English = "Is not a known field.";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_application_with_a_misspelt_field_is_refused_naming_it_and_no_case_is_stored(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);

        // Only the misspelt field is named: not a missing placementDate, the field that was meant.
        var misspelt = Application(driver.Today);
        misspelt["placmentDate"] = misspelt["placementDate"]!.DeepClone();
        misspelt.Remove("placementDate");
        var errors = await CaseDriver.FieldErrorsAsync(await driver.Shelter.PostAsJsonAsync("/api/cases", misspelt));
        Assert.Equal(["placmentDate"], errors.Keys);
        Assert.Equal([Swedish], errors["placmentDate"]);

        // In the second child, by its index.
        var child = Application(driver.Today);
        child["children"] = new JsonArray(
            new JsonObject { ["birthYear"] = 2019, ["inSweden"] = true },
            new JsonObject { ["birthYear"] = 2021, ["inSwedn"] = true });
        var childErrors = await CaseDriver.FieldErrorsAsync(await driver.Shelter.PostAsJsonAsync("/api/cases", child));
        Assert.Equal(["children[1].inSwedn"], childErrors.Keys);

        using var inEnglish = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(misspelt) };
        inEnglish.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var englishErrors = await CaseDriver.FieldErrorsAsync(await driver.Shelter.SendAsync(inEnglish));
        Assert.Equal([English], englishErrors["placmentDate"]);

        Assert.Equal(0, await driver.StoredCaseCountAsync());
        Assert.Empty(await driver.Coordinator.GetFromJsonAsync<JsonElement[]>("/api/cases") ?? []);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_completion_whose_data_has_a_misspelt_field_is_refused_naming_it_and_the_task_stays_open(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAndAdmitAsync(driver.Today);
        await driver.AdvanceDaysAsync(10);
        var task = await driver.OpenTaskAsync(id, "next-step");
        var before = (await driver.CaseAsync(id)).GetRawText();
        var completionsBefore = await CompletionsAuditedAsync(app, id);

        var lastDay = await CaseDriver.FieldErrorsAsync(await driver.CompleteAsync(driver.Shelter, task, "end", new { lastDy = driver.Today }));
        Assert.Equal(["data.lastDy"], lastDay.Keys);
        Assert.Equal([Swedish], lastDay["data.lastDy"]);

        // Deep in the data, in one area of the needs assessment, and in English.
        var assessment = JsonSerializer.SerializeToNode(CaseDriver.Comprehensive(driver.Today), JsonSerializerOptions.Web)!.AsObject();
        assessment["areas"]!["housing"]!["plannedSuport"] = "Eget boende";
        using var inEnglish = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task}/complete")
        {
            Content = JsonContent.Create(new { outcome = "extended", data = new { needsAssessment = assessment } }),
        };
        inEnglish.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var deep = await CaseDriver.FieldErrorsAsync(await driver.Shelter.SendAsync(inEnglish));
        Assert.Equal(["data.needsAssessment.areas.housing.plannedSuport"], deep.Keys);
        Assert.Equal([English], deep["data.needsAssessment.areas.housing.plannedSuport"]);

        // The admission's review was completed before; nothing of these two refusals.
        Assert.Equal(task, await driver.OpenTaskAsync(id, "next-step"));
        Assert.Equal(before, (await driver.CaseAsync(id)).GetRawText());
        Assert.Equal(completionsBefore, await CompletionsAuditedAsync(app, id));
    }

    private static async Task<int> CompletionsAuditedAsync(NspApp app, Guid caseId)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync(a => a.CaseId == caseId && a.Action == "task.complete");
    }

    private static JsonObject Application(DateOnly today) =>
        JsonSerializer.SerializeToNode(CaseDriver.Application(today), JsonSerializerOptions.Web)!.AsObject();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>What the tests of the case API's rules and protections check through the driver: field errors, tasks, stored rows.</summary>
internal sealed partial class CaseDriver
{
    public static readonly Guid ShelterSouth = Guid.Parse("5e1e7e00-0000-4000-8000-000000000002");

    /// <summary>The app on SQLite (the embedded default) or on a fresh PostgreSQL database.</summary>
    public static async Task<NspApp> StartAppAsync(PostgresServer postgres, DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? await NspApp.StartAsync()
        : await NspApp.StartAsync(provider, await postgres.CreateDatabaseAsync());

    /// <summary>Applies and has the coordinator admit the case: the reflection starts on the placement date.</summary>
    public async Task<(Guid Id, string Reference)> ApplyAndAdmitAsync(DateOnly placement)
    {
        var created = await ApplyAsync(Application(placement));
        await CompleteOkAsync(coordinator, created.Id, "admission-review", "approve");
        return created;
    }

    /// <summary>
    /// A completion of the case's open <paramref name="form"/> task that stored nothing: the same task is still open, the
    /// case reads as <paramref name="caseBefore"/>, and no completion was audited.
    /// </summary>
    public async Task AssertCompletionNotStoredAsync(Guid caseId, string form, Guid taskId, string caseBefore)
    {
        Assert.Equal(taskId, await OpenTaskAsync(caseId, form));
        Assert.Equal(caseBefore, (await CaseAsync(caseId)).GetRawText());
        await using var db = app.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.CaseId == caseId && a.Action == "task.complete"));
    }

    /// <summary>The open tasks of a case as <paramref name="client"/> (default: the coordinator) lists them.</summary>
    public async Task<List<JsonElement>> OpenTasksAsync(Guid caseId, HttpClient? client = null) =>
        (await (client ?? coordinator).GetFromJsonAsync<JsonElement>($"/api/tasks?status=open&caseId={caseId}")).EnumerateArray().ToList();

    public async Task<HttpResponseMessage> SubmitPointInterventionAsync(Guid caseId, string categoryKey, decimal amount, string description,
        HttpClient? client = null) =>
        await (client ?? shelter).PostAsJsonAsync($"/api/cases/{caseId}/point-interventions",
            new { categoryKey, amount, description, date = Today, receiptReference = "kvitto-1" });

    public async Task<HttpResponseMessage> ReportToPoliceAsync(Guid caseId, DateOnly date, bool mmmGranted, HttpClient? client = null) =>
        await (client ?? shelter).PostAsJsonAsync($"/api/cases/{caseId}/messages",
            new { name = "police-report-filed", data = new { date, mmmGranted } });

    /// <summary>The fields a 422 problem names, with their messages.</summary>
    public static async Task<Dictionary<string, string[]>> FieldErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"Expected 422, got {(int)response.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        return problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    public static async Task AssertStatusAsync(HttpStatusCode expected, HttpResponseMessage response, string what) =>
        Assert.True(response.StatusCode == expected,
            $"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    /// <summary>How many case rows the database holds (whatever the API says).</summary>
    public async Task<int> StoredCaseCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Cases.CountAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>Drives cases through the public API as an integration would: the demo clients, the development clock and mail.</summary>
internal sealed partial class CaseDriver(NspApp app, HttpClient shelter, HttpClient coordinator)
{
    public static readonly Guid ShelterNorth = Guid.Parse("5e1e7e00-0000-4000-8000-000000000001");

    public HttpClient Shelter => shelter;
    public HttpClient Coordinator => coordinator;
    public NspApp App => app;

    public static async Task<CaseDriver> StartAsync(NspApp app) =>
        new(app, await app.ApiClientAsync("demo-shelter-1"), await app.ApiClientAsync("demo-coordinator"));

    public static object Application(DateOnly placement, params object[] children) => Application(ShelterNorth, placement, children);

    /// <summary>An application of <paramref name="shelterId"/>'s.</summary>
    public static object Application(Guid shelterId, DateOnly placement, params object[] children) => new
    {
        shelterId,
        placementDate = placement,
        birthYear = 1995,
        gender = "female",
        countryOfOrigin = "RO",
        exploitation = new[] { "sexual" },
        children,
        criteria = new { likelyVictim = true, shelterCanMeetNeeds = true, notFundedBySociety = true },
    };

    public static object Comprehensive(DateOnly date) => new
    {
        kind = "comprehensive",
        date,
        areas = new Dictionary<string, object>
        {
            ["housing"] = new { need = true, plannedSupport = "Boende på skyddat boende", notes = "Hemlig anteckning om boendet" },
            ["materialSupport"] = new { need = true },
            ["healthCare"] = new { need = false },
            ["psychologicalSupport"] = new { need = true },
            ["legalAdvice"] = new { need = true },
            ["interpretation"] = new { need = true },
            ["returnInformation"] = new { need = false },
            ["onwardReferral"] = new { need = false },
        },
    };

    public DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    public async Task<(Guid Id, string Reference)> ApplyAsync(object application)
    {
        var response = await shelter.PostAsJsonAsync("/api/cases", application);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("reference").GetString()!);
    }

    public async Task<JsonElement> CaseAsync(Guid id, HttpClient? client = null)
    {
        var response = await (client ?? coordinator).GetAsync($"/api/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The one open task of the case with that form.</summary>
    public async Task<Guid> OpenTaskAsync(Guid caseId, string form)
    {
        var tasks = await coordinator.GetFromJsonAsync<JsonElement>($"/api/tasks?status=open&caseId={caseId}");
        var matching = tasks.EnumerateArray().Where(t => t.GetProperty("formKey").GetString() == form).ToList();
        Assert.True(matching.Count == 1,
            $"Expected one open {form} task, found: {string.Join(", ", tasks.EnumerateArray().Select(t => t.GetProperty("formKey").GetString()))}");
        return matching[0].GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid taskId, string outcome, object? data = null) =>
        await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome, data });

    public async Task CompleteOkAsync(HttpClient client, Guid caseId, string form, string outcome, object? data = null)
    {
        var response = await CompleteAsync(client, await OpenTaskAsync(caseId, form), outcome, data);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form}:{outcome} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task AdvanceDaysAsync(int days)
    {
        var response = await coordinator.PostAsJsonAsync("/api/dev/clock", new { advanceDays = days });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<List<JsonElement>> MailAsync() =>
        (await coordinator.GetFromJsonAsync<JsonElement>("/api/dev/mail")).EnumerateArray().ToList();

    public static List<(string Kind, int Number, int Days, decimal Amount)> Periods(JsonElement @case) =>
        [.. @case.GetProperty("periods").EnumerateArray().Select(p => (
            p.GetProperty("kind").GetString()!, p.GetProperty("number").GetInt32(), p.GetProperty("days").GetInt32(), p.GetProperty("amount").GetDecimal()))];
}

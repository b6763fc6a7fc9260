using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// What the API refuses: an application with a missing or wrong field (422 naming it, nothing stored), JSON that is not
/// JSON (400), an outcome the task's form does not have (422), a task already completed (409).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CaseValidationTests
{
    /// <summary>One change to a valid application, and the field the answer must name.</summary>
    private static readonly (string Change, string Field)[] InvalidApplications =
    [
        ("birthYear missing", "birthYear"),
        ("birthYear 1850", "birthYear"),
        ("countryOfOrigin XX", "countryOfOrigin"),
        ("exploitation unknown", "exploitation"),
        ("likelyVictim false", "criteria.likelyVictim"),
        ("placementDate tomorrow", "placementDate"),
        ("gender missing", "gender"),
    ];

    [Fact]
    public async Task Invalid_applications_are_refused_naming_the_field_and_no_case_is_stored()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);

        foreach (var (change, field) in InvalidApplications)
        {
            var response = await driver.Shelter.PostAsJsonAsync("/api/cases", Invalid(driver.Today, change));
            var errors = await CaseDriver.FieldErrorsAsync(response);
            Assert.True(errors.Keys.SequenceEqual([field]), $"{change}: expected only {field}, got {string.Join(", ", errors.Keys)}");
            Assert.All(errors[field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
        }

        var malformed = await driver.Shelter.PostAsync("/api/cases",
            new StringContent("{\"shelterId\": \"5e1e7e00-0000-4000-8000-000000000001\", \"birthYear\": ", Encoding.UTF8, "application/json"));
        await CaseDriver.AssertStatusAsync(HttpStatusCode.BadRequest, malformed, "malformed JSON");

        Assert.Equal(0, await driver.StoredCaseCountAsync());
        Assert.Empty(await driver.Coordinator.GetFromJsonAsync<JsonElement[]>("/api/cases") ?? []);
        Assert.Empty(await driver.Coordinator.GetFromJsonAsync<JsonElement[]>("/api/tasks?status=all") ?? []);

        // The unchanged application is accepted: the refusals above were about the one field.
        await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        Assert.Equal(1, await driver.StoredCaseCountAsync());
    }

    [Fact]
    public async Task A_task_refuses_an_outcome_its_form_does_not_have_and_answers_409_once_completed()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var review = await driver.OpenTaskAsync(id, "admission-review");

        Assert.Equal(["outcome"], (await CaseDriver.FieldErrorsAsync(await driver.CompleteAsync(driver.Coordinator, review, "extended"))).Keys);
        var noOutcome = await driver.Coordinator.PostAsJsonAsync($"/api/tasks/{review}/complete", new { data = new { } });
        Assert.Equal(["outcome"], (await CaseDriver.FieldErrorsAsync(noOutcome)).Keys);
        Assert.Equal("applied", (await driver.CaseAsync(id)).GetProperty("status").GetString());

        await CaseDriver.AssertStatusAsync(HttpStatusCode.OK, await driver.CompleteAsync(driver.Coordinator, review, "approve"), "approve");
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Conflict, await driver.CompleteAsync(driver.Coordinator, review, "approve"), "approve again");
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Conflict,
            await driver.CompleteAsync(driver.Coordinator, review, "reject", new { reason = "För sent." }), "reject after approval");

        var admitted = await driver.CaseAsync(id);
        Assert.Equal("active", admitted.GetProperty("status").GetString());
        Assert.Equal([("reflection", 1, 30, 30 * 1200m)], CaseDriver.Periods(admitted));
    }

    /// <summary>The driver's valid application with one thing changed.</summary>
    private static JsonObject Invalid(DateOnly today, string change)
    {
        var application = JsonSerializer.SerializeToNode(CaseDriver.Application(today), JsonSerializerOptions.Web)!.AsObject();
        switch (change)
        {
            case "birthYear missing": application.Remove("birthYear"); break;
            case "birthYear 1850": application["birthYear"] = 1850; break;
            case "countryOfOrigin XX": application["countryOfOrigin"] = "XX"; break;
            case "exploitation unknown": application["exploitation"] = new JsonArray("unknown"); break;
            case "likelyVictim false": application["criteria"]!["likelyVictim"] = false; break;
            case "placementDate tomorrow": application["placementDate"] = today.AddDays(1).ToString("yyyy-MM-dd"); break;
            case "gender missing": application.Remove("gender"); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        return application;
    }
}

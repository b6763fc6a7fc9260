using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Infrastructure.Api;

/// <summary>
/// Bodies the API cannot read (issue 21, items 4 and 5): a value of the wrong kind, a bad date, JSON cut off or not JSON,
/// nesting too deep, a wrong kind inside a task's data. Each is answered with a problem naming the field by its JSON path,
/// with the message in Swedish or English, and nothing is stored; the log names fields and parameters, never a value sent.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MalformedRequestTests
{
    private const string Secret = "Hemlig";

    /// <summary>A body, the field the answer must name, its status and its Swedish and English messages.</summary>
    private sealed record Malformed(string Body, string Field, HttpStatusCode Status, string Swedish, string English);

    private static readonly string Valid = JsonSerializer.Serialize(CaseDriver.Application(new DateOnly(2026, 3, 1)), JsonSerializerOptions.Web);

    private static string Nested(string open, string close, int depth, string inner) =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>The valid application with <paramref name="field"/> (a top-level field) set to the JSON <paramref name="value"/>.</summary>
    private static string With(string field, string value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Valid)!.AsObject();
        node[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        return node.ToJsonString();
    }

    private static readonly HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    private static Malformed WrongType(string body, string field, string swedish, string english) =>
        new(body, field, Unprocessable, $"Måste vara {swedish}.", $"Must be {english}.");

    private static Malformed NotJson(string body, string field) => new(body, field, HttpStatusCode.BadRequest, "Är inte giltig JSON", "Is not valid JSON");

    /// <summary>Applications (<c>POST /api/cases</c>): each value sent carries the secret, to look for in the log.</summary>
    private static readonly Malformed[] Applications =
    [
        WrongType(With("birthYear", $"\"{Secret}-1\""), "birthYear", "ett heltal", "a whole number"),
        WrongType(With("birthYear", "1995.5"), "birthYear", "ett heltal", "a whole number"),
        WrongType(With("birthYear", "true"), "birthYear", "ett heltal", "a whole number"),
        WrongType(With("placementDate", $"\"2026-13-45 {Secret}-4\""), "placementDate", "ett datum (åååå-mm-dd)", "a date (yyyy-MM-dd)"),
        WrongType(With("placementDate", $"\"{Secret}-5\""), "placementDate", "ett datum (åååå-mm-dd)", "a date (yyyy-MM-dd)"),
        WrongType(With("placementDate", "20260302"), "placementDate", "ett datum (åååå-mm-dd)", "a date (yyyy-MM-dd)"),
        WrongType(With("shelterId", $"\"{Secret}-7\""), "shelterId", "en identitet (UUID, t.ex. 5e1e7e00-0000-4000-8000-000000000001)",
            "an id (a UUID such as 5e1e7e00-0000-4000-8000-000000000001)"),
        WrongType(With("gender", "5"), "gender", "en text", "a string"),
        WrongType(With("countryOfOrigin", $"[\"{Secret}-9\"]"), "countryOfOrigin", "en text", "a string"),
        WrongType(With("exploitation", $"\"{Secret}-10\""), "exploitation", "en lista", "an array"),
        WrongType(With("exploitation", "[1]"), "exploitation[0]", "en text", "a string"),
        WrongType(With("children", $"{{\"birthYear\": \"{Secret}-12\"}}"), "children", "en lista", "an array"),
        WrongType(With("children", $"[{{\"birthYear\": 2019, \"inSweden\": true}}, {{\"birthYear\": \"{Secret}-13\"}}]"), "children[1].birthYear", "ett heltal", "a whole number"),
        WrongType(With("children", $"[{{\"birthYear\": 2019, \"inSweden\": \"{Secret}-14\"}}]"), "children[0].inSweden", "true eller false", "true or false"),
        WrongType(With("children", $"[\"{Secret}-15\"]"), "children[0]", "ett objekt", "an object"),
        WrongType(With("criteria", "true"), "criteria", "ett objekt", "an object"),
        WrongType(With("criteria", $"{{\"likelyVictim\": \"{Secret}-17\", \"shelterCanMeetNeeds\": true, \"notFundedBySociety\": true}}"),
            "criteria.likelyVictim", "true eller false", "true or false"),
        WrongType(With("needsAssessment", $"{{\"date\": \"{Secret}-18\", \"areas\": {{}}}}"), "needsAssessment.date", "ett datum (åååå-mm-dd)", "a date (yyyy-MM-dd)"),
        WrongType(With("needsAssessment", $"{{\"date\": \"2026-03-01\", \"areas\": [\"{Secret}-19\"]}}"), "needsAssessment.areas", "ett objekt", "an object"),
        WrongType($"[\"{Secret}-20\"]", "$", "ett objekt", "an object"),
        // Cut off, not JSON at all, or broken in the middle: 400, with where reading stopped.
        NotJson($"{{\"shelterId\": \"5e1e7e00-0000-4000-8000-000000000001\", \"gender\": \"{Secret}-21", "gender"),
        NotJson("{\"shelterId\": \"5e1e7e00-0000-4000-8000-000000000001\", \"birthYear\": ", "birthYear"),
        NotJson($"{Secret}-23 är inte JSON", "$"),
        NotJson($"{{\"gender\": \"{Secret}-24\",}}", "$"),
        NotJson($"{{\"gender\": '{Secret}-25'}}", "gender"),
        // Nesting 70 levels deep where the body takes an object: refused at the first level, as of the wrong kind.
        WrongType(Nested("[", "]", 70, $"\"{Secret}-26\""), "$", "ett objekt", "an object"),
    ];

    /// <summary>Completions of the admission review (<c>POST /api/tasks/{id}/complete</c>); data takes any JSON, so nesting deeper than is read (64 levels) is 400.</summary>
    private static readonly Malformed[] Completions =
    [
        WrongType($"{{\"outcome\": \"reject\", \"data\": {{\"reason\": [\"{Secret}-27\"]}}}}", "data.reason", "en text", "a string"),
        WrongType($"{{\"outcome\": \"approve\", \"data\": {{\"confirmOverrun\": \"{Secret}-28\"}}}}", "data.confirmOverrun", "true eller false", "true or false"),
        WrongType($"{{\"outcome\": [\"{Secret}-29\"]}}", "outcome", "en text", "a string"),
        new($"{{\"outcome\": \"reject\", \"data\": {Nested("{\"a\": ", "}", 70, $"\"{Secret}-30\"")}}}", "data", HttpStatusCode.BadRequest,
            "Är nästlad i fler än 64 nivåer.", "Is nested more than 64 levels deep."),
    ];

    [Fact]
    public async Task Thirty_malformed_bodies_are_answered_naming_the_field_in_swedish_and_english_and_no_value_reaches_the_log()
    {
        var log = new CapturedLog();
        await using var app = await NspApp.StartAsync(replaceServices: log.AddTo);
        var driver = await CaseDriver.StartAsync(app);
        var (caseId, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var review = await driver.OpenTaskAsync(caseId, "admission-review");
        Assert.Equal(30, Applications.Length + Completions.Length);

        foreach (var (client, path, cases) in new[] { (driver.Shelter, "/api/cases", Applications), (driver.Coordinator, $"/api/tasks/{review}/complete", Completions) })
        {
            foreach (var malformed in cases)
            {
                foreach (var english in new[] { false, true })
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, path)
                    {
                        Content = new StringContent(malformed.Body, Encoding.UTF8, "application/json"),
                    };
                    if (english)
                        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
                    var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    var what = $"{malformed.Body[..Math.Min(80, malformed.Body.Length)]} ({(english ? "en" : "sv")}): {text}";

                    Assert.True(malformed.Status == response.StatusCode, $"Expected {(int)malformed.Status} for {what}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
                    Assert.True(errors.EnumerateObject().Select(e => e.Name).SequenceEqual([malformed.Field]), $"Expected only {malformed.Field} for {what}");
                    var message = errors.GetProperty(malformed.Field)[0].GetString()!;
                    Assert.StartsWith(english ? malformed.English : malformed.Swedish, message);
                    Assert.DoesNotContain(Secret, text);
                }
            }
        }

        // A value of the address that cannot be read names its parameter, and its value is not logged either.
        var query = await driver.Coordinator.GetAsync($"/api/tasks?caseId=<script>{Secret}-31</script>");
        Assert.Equal(["caseId"], (await CaseDriver.FieldErrorsAsync(query)).Keys);

        // A field the API does not know is named back to the client, but its name (text the client chose) not in the log.
        var unknown = await driver.Shelter.PostAsync("/api/cases", new StringContent(
            With("children", $"[{{\"birthYear\": 2019, \"{Secret}-32\": true}}]"), Encoding.UTF8, "application/json"));
        Assert.Equal([$"children[0].{Secret}-32"], (await CaseDriver.FieldErrorsAsync(unknown)).Keys);

        // Nothing was stored: the one case, its review still open.
        Assert.Equal(1, await driver.StoredCaseCountAsync());
        Assert.Equal(review, await driver.OpenTaskAsync(caseId, "admission-review"));

        var entries = log.Entries;
        // The log says what could not be read, by field and parameter (the capture works)...
        Assert.Contains(entries, e => e.Contains("field children[1].birthYear", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("field children[0].*", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("parameter caseId", StringComparison.Ordinal));
        // ...and none of the values sent.
        Assert.DoesNotContain(entries, e => e.Contains(Secret, StringComparison.OrdinalIgnoreCase) || e.Contains("script", StringComparison.Ordinal));
    }
}

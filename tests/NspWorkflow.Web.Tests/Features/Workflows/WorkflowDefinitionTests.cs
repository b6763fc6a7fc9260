using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Workflows;

/// <summary>
/// Definitions through the administrators' API on the real app: the first-start import of <c>workflows/*.bpmn</c>,
/// drafts and published versions, validation at publish, and two publishes at once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WorkflowDefinitionTests(PostgresServer postgres)
{
    private const string ProcessId = "example-approval";

    [Fact]
    public async Task The_example_is_imported_once_and_a_changed_file_becomes_version_2_while_version_1_stays_readable()
    {
        var folder = Directory.CreateTempSubdirectory("nsp-defs-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "nsp.db")};Pooling=false";
        try
        {
            await using (var app = await NspApp.StartAsync(DatabaseProvider.Sqlite, connectionString))
            {
                using var admin = await app.ApiClientAsync("demo-admin");
                // Every file of workflows/ is published at the first start, the pathways whose call activities name
                // processes of later files (nsp-case calls nsp-extended and nsp-reflection) included.
                var imported = (await ListAsync(admin)).EnumerateArray().ToList();
                Assert.Equal(
                    [ProcessId, "nsp-admission", "nsp-case", "nsp-certification", "nsp-extended", "nsp-integration", "nsp-invoice", "nsp-motivated-supplement", "nsp-next-step",
                     "nsp-point-intervention", "nsp-reflection", "nsp-routine-check"],
                    imported.Select(d => d.GetProperty("processId").GetString()));
                Assert.All(imported, d => Assert.Equal((1, 0), (d.GetProperty("latestPublishedVersion").GetInt32(), d.GetProperty("draftCount").GetInt32())));
                var example = await SummaryAsync(admin);
                Assert.Equal("Example approval", example.GetProperty("name").GetString());
                Assert.Equal("NSP-ärende", imported.Single(d => d.GetProperty("processId").GetString() == "nsp-case").GetProperty("name").GetString());

                var changed = ExampleXml().Replace("Review the admission", "Review the completed admission", StringComparison.Ordinal);
                var saved = await admin.PostAsync("/api/workflows", new StringContent(changed, Encoding.UTF8, "application/xml"));
                Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
                var savedBody = await saved.Content.ReadFromJsonAsync<JsonElement>();
                var draft = Assert.Single(savedBody.GetProperty("versions").EnumerateArray());
                Assert.Equal(2, draft.GetProperty("version").GetInt32());
                Assert.Equal("Draft", draft.GetProperty("status").GetString());
                Assert.Empty(savedBody.GetProperty("problems").EnumerateArray());
                Assert.Empty(savedBody.GetProperty("warnings").EnumerateArray());
                Assert.Equal(1, (await SummaryAsync(admin)).GetProperty("draftCount").GetInt32());

                var published = await admin.PostAsync($"/api/workflows/{ProcessId}/versions/2/publish", null);
                Assert.Equal(HttpStatusCode.OK, published.StatusCode);
                var publishedBody = await published.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("Published", publishedBody.GetProperty("version").GetProperty("status").GetString());
                Assert.False(publishedBody.GetProperty("alreadyPublished").GetBoolean());
                var latest = await SummaryAsync(admin);
                Assert.Equal(2, latest.GetProperty("latestPublishedVersion").GetInt32());
                Assert.Equal(0, latest.GetProperty("draftCount").GetInt32());

                var first = await admin.GetFromJsonAsync<JsonElement>($"/api/workflows/{ProcessId}/versions/1");
                Assert.Equal("Published", first.GetProperty("status").GetString());
                Assert.Equal(ExampleXml(), first.GetProperty("xml").GetString());

                // The same content again, as JSON: no new draft, and publishing it changes nothing.
                var again = await admin.PostAsJsonAsync("/api/workflows", new { xml = changed });
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
                var againVersion = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions")[0];
                Assert.Equal(2, againVersion.GetProperty("version").GetInt32());
                var republished = await admin.PostAsync($"/api/workflows/{ProcessId}/versions/2/publish", null);
                Assert.Equal(HttpStatusCode.OK, republished.StatusCode);
                Assert.True((await republished.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyPublished").GetBoolean());

                using var shelter = await app.ApiClientAsync("demo-shelter-1");
                Assert.Equal(HttpStatusCode.Forbidden, (await shelter.GetAsync("/api/workflows")).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden,
                    (await shelter.PostAsync("/api/workflows", new StringContent(changed, Encoding.UTF8, "application/xml"))).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await shelter.PostAsync($"/api/workflows/{ProcessId}/versions/2/publish", null)).StatusCode);
            }

            // A second start on the same database imports nothing: the example's content (now an old version) is not added again.
            await using (var app = await NspApp.StartAsync(DatabaseProvider.Sqlite, connectionString))
            {
                using var admin = await app.ApiClientAsync("demo-admin");
                var versions = await admin.GetFromJsonAsync<JsonElement>($"/api/workflows/{ProcessId}/versions");
                Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
                Assert.Equal(2, (await SummaryAsync(admin)).GetProperty("latestPublishedVersion").GetInt32());
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* cleaned with the temp folder */ }
        }
    }

    [Fact]
    public async Task An_invalid_file_is_saved_as_a_draft_but_refused_at_publish_with_every_problem_and_malformed_xml_is_refused_at_once()
    {
        await using var app = await NspApp.StartAsync();
        using var admin = await app.ApiClientAsync("demo-admin");

        var invalid = ExampleXml()
            .Replace(" default=\"Flow_4\"", "", StringComparison.Ordinal)
            .Replace("nsp:assigneeRole=\"shelter\" nsp:form=\"admission-completion\"", "nsp:assigneeRole=\"volunteer\" nsp:form=\"admission-completion\"", StringComparison.Ordinal);
        var saved = await admin.PostAsync("/api/workflows", new StringContent(invalid, Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var savedProblems = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems");
        Assert.Equal(2, savedProblems.GetArrayLength());

        var refused = await admin.PostAsync($"/api/workflows/{ProcessId}/versions/2/publish", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problems = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .ToDictionary(p => p.GetProperty("elementId").GetString()!, p => p.GetProperty("message").GetString()!);
        Assert.Equal(["Flow_4", "Task_Complete"], problems.Keys.Order());
        Assert.Contains("without a condition", problems["Flow_4"]);
        Assert.Contains("volunteer", problems["Task_Complete"]);
        var summary = await SummaryAsync(admin);
        Assert.Equal(1, summary.GetProperty("latestPublishedVersion").GetInt32());
        Assert.Equal(1, summary.GetProperty("draftCount").GetInt32());

        var malformed = await admin.PostAsync("/api/workflows", new StringContent("<bpmn:definitions xmlns:bpmn=\"x\"><oops>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);
        var malformedProblem = Assert.Single((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
        Assert.Equal("", malformedProblem.GetProperty("elementId").GetString());
        Assert.NotEmpty(malformedProblem.GetProperty("message").GetString()!);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/api/workflows/{ProcessId}/versions")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/workflows/{ProcessId}/versions/9/publish", null)).StatusCode);
    }

    [Fact]
    public async Task A_pathway_added_to_the_folder_later_is_imported_at_the_next_start_and_a_stored_process_is_left_alone()
    {
        var folder = Directory.CreateTempSubdirectory("nsp-added-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "nsp.db")};Pooling=false";
        var settings = new Dictionary<string, string?> { ["Workflows:Path"] = folder };
        try
        {
            File.WriteAllText(Path.Combine(folder, "example.bpmn"), ExampleXml());
            await using (await NspApp.StartAsync(DatabaseProvider.Sqlite, connectionString, settings))
            {
            }

            // The product gains a pathway, and its copy of the example changed (the administrator's versions stand).
            File.WriteAllText(Path.Combine(folder, "added.bpmn"), ExampleXml().Replace("\"example-approval\"", "\"added\"", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder, "example.bpmn"), ExampleXml().Replace("Review the admission", "Changed", StringComparison.Ordinal));
            await using var app = await NspApp.StartAsync(DatabaseProvider.Sqlite, connectionString, settings);
            using var admin = await app.ApiClientAsync("demo-admin");
            var list = (await ListAsync(admin)).EnumerateArray().ToDictionary(
                d => d.GetProperty("processId").GetString()!,
                d => (Latest: d.GetProperty("latestPublishedVersion").GetInt32(), Drafts: d.GetProperty("draftCount").GetInt32()));
            Assert.Equal(["added", "example-approval"], list.Keys.Order());
            Assert.Equal((1, 0), list["added"]);
            Assert.Equal((1, 0), list["example-approval"]);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* cleaned with the temp folder */ }
        }
    }

    [Fact]
    public async Task The_import_publishes_valid_files_even_when_they_call_a_later_file_and_leaves_invalid_ones_as_drafts()
    {
        var folder = Directory.CreateTempSubdirectory("nsp-workflows-").FullName;
        try
        {
            var example = ExampleXml();
            // "a-caller" sorts first and calls the example's process, which is only published after it.
            File.WriteAllText(Path.Combine(folder, "a-caller.bpmn"), example
                .Replace("\"example-approval\"", "\"caller\"", StringComparison.Ordinal)
                .Replace("<bpmn:userTask id=\"Task_Review\" name=\"Review the admission\" nsp:assigneeRole=\"coordinator\" nsp:form=\"admission-review\" nsp:mailTemplate=\"task-assigned\">",
                    "<bpmn:callActivity id=\"Task_Review\" name=\"Run the approval\" calledElement=\"example-approval\">", StringComparison.Ordinal)
                .Replace("</bpmn:userTask>\n    <bpmn:sequenceFlow id=\"Flow_7\"", "</bpmn:callActivity>\n    <bpmn:sequenceFlow id=\"Flow_7\"", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder, "b-example.bpmn"), example);
            File.WriteAllText(Path.Combine(folder, "c-invalid.bpmn"), example
                .Replace("\"example-approval\"", "\"invalid\"", StringComparison.Ordinal)
                .Replace("nsp:form=\"admission-review\"", "nsp:form=\"no-such-form\"", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder, "d-broken.bpmn"), "<not-bpmn/>");
            File.WriteAllText(Path.Combine(folder, "ignored.txt"), "not a definition");

            await using var app = await NspApp.StartAsync(settings: new Dictionary<string, string?> { ["Workflows:Path"] = folder });
            using var admin = await app.ApiClientAsync("demo-admin");
            var list = (await ListAsync(admin)).EnumerateArray().ToDictionary(
                d => d.GetProperty("processId").GetString()!,
                d => (Latest: d.GetProperty("latestPublishedVersion").ValueKind == JsonValueKind.Null ? (int?)null : d.GetProperty("latestPublishedVersion").GetInt32(),
                      Drafts: d.GetProperty("draftCount").GetInt32()));
            Assert.Equal(["caller", "example-approval", "invalid"], list.Keys.Order());
            Assert.Equal((1, 0), list["caller"]);
            Assert.Equal((1, 0), list["example-approval"]);
            Assert.Equal(((int?)null, 1), list["invalid"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Two_publishes_at_once_never_give_one_version_number_twice_on_SQLite()
    {
        await using var app = await NspApp.StartAsync();
        await PublishTwoDraftsAtOnceAsync(app);
    }

    [Fact]
    public async Task Two_publishes_at_once_never_give_one_version_number_twice_on_PostgreSQL()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var app = await NspApp.StartAsync(DatabaseProvider.PostgreSql, connectionString);
        await PublishTwoDraftsAtOnceAsync(app);
    }

    /// <summary>
    /// Several rounds of two drafts published at the same moment by two administrators: each round ends with either
    /// both published (the older first) or one winner and a 409 naming the winner's version; never a lost update.
    /// </summary>
    private static async Task PublishTwoDraftsAtOnceAsync(NspApp app)
    {
        using var first = await app.ApiClientAsync("demo-admin");
        using var second = await app.ApiClientAsync("demo-admin");
        for (var round = 1; round <= 3; round++)
        {
            var a = await SaveDraftAsync(first, ExampleXml().Replace("Reminded", $"Reminded {round}a", StringComparison.Ordinal));
            var b = await SaveDraftAsync(second, ExampleXml().Replace("Reminded", $"Reminded {round}b", StringComparison.Ordinal));
            var responses = await Task.WhenAll(
                first.PostAsync($"/api/workflows/{ProcessId}/versions/{a}/publish", null),
                second.PostAsync($"/api/workflows/{ProcessId}/versions/{b}/publish", null));

            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            var won = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
            Assert.NotEmpty(won);
            var latest = (await SummaryAsync(first)).GetProperty("latestPublishedVersion").GetInt32();
            var conflict = responses.SingleOrDefault(r => r.StatusCode == HttpStatusCode.Conflict);
            if (conflict is null)
            {
                Assert.Equal(b, latest);
            }
            else
            {
                var body = await conflict.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(latest, body.GetProperty("latestPublishedVersion").GetInt32());
                // "Version 7 of ... is already published" when the winner committed before the loser's check,
                // "Someone else published version 7" when they raced in the store: both name the winner.
                Assert.Contains($"version {latest}", body.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
            }

            var versions = (await first.GetFromJsonAsync<JsonElement>($"/api/workflows/{ProcessId}/versions")).EnumerateArray().ToList();
            var numbers = versions.Select(v => v.GetProperty("version").GetInt32()).ToList();
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
            var publishedNumbers = versions.Where(v => v.GetProperty("status").GetString() == "Published")
                .Select(v => v.GetProperty("version").GetInt32()).ToList();
            Assert.Equal(latest, publishedNumbers.Max());
            // Exactly the winners were published; the loser is still a draft.
            Assert.Equal(won.Count, publishedNumbers.Count(n => n == a || n == b));
        }
    }

    private static async Task<int> SaveDraftAsync(HttpClient admin, string xml)
    {
        var response = await admin.PostAsync("/api/workflows", new StringContent(xml, Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions")[0].GetProperty("version").GetInt32();
    }

    private static async Task<JsonElement> ListAsync(HttpClient admin) =>
        await admin.GetFromJsonAsync<JsonElement>("/api/workflows");

    /// <summary>The example's entry of the list (the pathway definitions are listed beside it).</summary>
    private static async Task<JsonElement> SummaryAsync(HttpClient admin) =>
        (await ListAsync(admin)).EnumerateArray().Single(d => d.GetProperty("processId").GetString() == ProcessId);

    /// <summary>The file the app imports at first start, as the repository holds it.</summary>
    [Fact]
    public void No_shipped_pathway_has_a_join_that_can_hang()
    {
        var files = Directory.GetFiles(WorkflowsFolder(), "*.bpmn");
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Empty(NspWorkflow.Engine.Definitions.DefinitionCatalog.WarningsOf(File.ReadAllText(file))));
    }

    private static string ExampleXml() => File.ReadAllText(Path.Combine(WorkflowsFolder(), "example-approval.bpmn"));

    private static string WorkflowsFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NspWorkflow.sln")))
            directory = directory.Parent;
        return Path.Combine(directory!.FullName, "workflows");
    }
}

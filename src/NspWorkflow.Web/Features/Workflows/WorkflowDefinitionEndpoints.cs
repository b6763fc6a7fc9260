using System.Collections.Immutable;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Web.Infrastructure.Authentication;
using ValidationProblem = NspWorkflow.Engine.Validation.ValidationProblem;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>A process id with its latest published version (null if none) and the drafts newer than it.</summary>
public sealed record WorkflowSummary(string ProcessId, string Name, int? LatestPublishedVersion, int DraftCount);

/// <summary>One version of a definition; <see cref="Xml"/> only when a single version is asked for.</summary>
public sealed record WorkflowVersion(
    string ProcessId, int Version, DefinitionStatus Status, string Name, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt,
    string ContentHash, string? Xml = null)
{
    public static WorkflowVersion From(DefinitionVersionInfo v) => new(v.ProcessId, v.Version, v.Status, v.Name, v.CreatedAt, v.PublishedAt, v.ContentHash);
}

/// <summary>A problem of a file: the element it concerns (empty: the whole file) and a sentence for an administrator.</summary>
public sealed record WorkflowProblem(string ElementId, string Message)
{
    public static ImmutableArray<WorkflowProblem> From(IEnumerable<ValidationProblem> problems) =>
        [.. problems.Select(p => new WorkflowProblem(p.ElementId, p.Message))];
}

/// <summary>
/// The drafts a saved file gave (one per process; an existing version when the content was already stored), what would
/// stop publishing it, and the warnings that would not (a parallel join that can hang).
/// </summary>
public sealed record WorkflowDraftSaved(ImmutableArray<WorkflowVersion> Versions, ImmutableArray<WorkflowProblem> Problems, ImmutableArray<WorkflowProblem> Warnings);

/// <summary>The version that is now published; <see cref="AlreadyPublished"/> when nothing changed (same version or identical content).</summary>
public sealed record WorkflowPublished(WorkflowVersion Version, bool AlreadyPublished);

/// <summary>Administrators' JSON API for definitions: list, read, save a draft, publish (saves and publishes are audited).</summary>
public static class WorkflowDefinitionEndpoints
{
    /// <summary>Files larger than this are refused before parsing; the parser's own limit is 5 M characters.</summary>
    private const int MaxBodyBytes = 16 * 1024 * 1024;

    public static RouteGroupBuilder MapWorkflowDefinitionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflows").RequireAuthorization(Roles.Admin);

        group.MapGet("/", async (DefinitionCatalog catalog, CancellationToken cancellationToken) =>
                (await catalog.ListAsync(cancellationToken))
                .Select(d => new WorkflowSummary(d.ProcessId, d.Name, d.LatestPublishedVersion, d.DraftCount)).ToList())
            .WithName("ListWorkflows");

        group.MapGet("/{processId}/versions", async Task<Results<Ok<List<WorkflowVersion>>, NotFound>> (
                string processId, DefinitionCatalog catalog, CancellationToken cancellationToken) =>
            {
                var versions = await catalog.ListVersionsAsync(processId, cancellationToken);
                return versions.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(versions.Select(WorkflowVersion.From).ToList());
            })
            .WithName("ListWorkflowVersions");

        group.MapGet("/{processId}/versions/{version:int}", async Task<Results<Ok<WorkflowVersion>, NotFound>> (
                string processId, int version, DefinitionCatalog catalog, CancellationToken cancellationToken) =>
            await catalog.GetAsync(processId, version, cancellationToken) is { } found
                ? TypedResults.Ok(WorkflowVersion.From(found.Info) with { Xml = found.Xml })
                : TypedResults.NotFound())
            .WithName("GetWorkflowVersion");

        group.MapPost("/", SaveDraftAsync)
            .Accepts<string>("application/xml", "text/xml", "application/json")
            .WithName("SaveWorkflowDraft");

        group.MapPost("/{processId}/versions/{version:int}/publish", PublishAsync)
            .WithName("PublishWorkflowVersion");

        return api;
    }

    private static async Task<IResult> SaveDraftAsync(HttpRequest request, WorkflowDefinitionEdits edits, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/json" or "application/xml" or "text/xml" or "application/bpmn+xml"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send the BPMN file as application/xml, or as JSON {\"xml\": \"...\"}.");
        }

        if (request.ContentLength > MaxBodyBytes)
            return ProblemList("The file cannot be read as BPMN.", [new ValidationProblem("", $"The file is larger than {MaxBodyBytes / 1024 / 1024} MB.")]);

        var xml = await ReadXmlAsync(request, mediaType, cancellationToken);
        if (string.IsNullOrWhiteSpace(xml))
            return ProblemList("The file cannot be read as BPMN.", [new ValidationProblem("", "The request holds no BPMN file.")]);

        switch (await edits.SaveDraftAsync(xml, request.HttpContext.User, cancellationToken))
        {
            case SaveDraftResult.Unreadable unreadable:
                return ProblemList("The file cannot be read as BPMN.", unreadable.Problems);
            case SaveDraftResult.Saved saved:
                var body = new WorkflowDraftSaved([.. saved.Versions.Select(v => WorkflowVersion.From(v.Info))], WorkflowProblem.From(saved.Problems),
                    WorkflowProblem.From(saved.Warnings));
                var first = saved.Versions[0];
                return saved.Created
                    ? TypedResults.Created($"/api/workflows/{Uri.EscapeDataString(first.ProcessId)}/versions/{first.Version}", body)
                    : TypedResults.Ok(body);
            default:
                throw new InvalidOperationException("Unknown save result.");
        }
    }

    private static async Task<IResult> PublishAsync(string processId, int version, WorkflowDefinitionEdits edits, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        await edits.PublishAsync(processId, version, user, cancellationToken) switch
        {
            PublishResult.Published published => TypedResults.Ok(new WorkflowPublished(WorkflowVersion.From(published.Version.Info), false)),
            PublishResult.AlreadyPublished already => TypedResults.Ok(new WorkflowPublished(WorkflowVersion.From(already.Version.Info), true)),
            PublishResult.Invalid invalid => ProblemList(
                $"Version {version} of '{processId}' has {invalid.Problems.Length} problem(s) and was not published.", invalid.Problems),
            PublishResult.Conflict conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Another version was published first.", detail: conflict.Message,
                extensions: new Dictionary<string, object?> { ["latestPublishedVersion"] = conflict.LatestPublishedVersion }),
            _ => TypedResults.NotFound(),
        };

    private static ProblemHttpResult ProblemList(string title, IEnumerable<ValidationProblem> problems) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title,
            extensions: new Dictionary<string, object?> { ["problems"] = WorkflowProblem.From(problems) });

    /// <summary>The body as XML text: the body itself, or the <c>xml</c> property of a JSON body; null when there is none.</summary>
    private static async Task<string?> ReadXmlAsync(HttpRequest request, string mediaType, CancellationToken cancellationToken)
    {
        if (mediaType is "application/json")
        {
            try
            {
                var body = await JsonSerializer.DeserializeAsync<XmlBody>(request.Body, JsonSerializerOptions.Web, cancellationToken);
                return body?.Xml;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private sealed record XmlBody(string? Xml);
}

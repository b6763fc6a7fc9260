using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Workflows.Pages;

/// <summary>
/// What a save or publish on the designer page did, for its script: the version now shown, a sentence, the problems
/// (which stop publishing) and the warnings (which do not: what can go wrong at run time, such as a join that can hang).
/// </summary>
public sealed record DesignerAnswer(int? Version, string? Status, string Message, ImmutableArray<WorkflowProblem> Problems,
    ImmutableArray<WorkflowProblem> Warnings);

/// <summary>
/// /designer/{processId}: one workflow in the bpmn-js modeler (Frontend/designer.js), opened at its newest version (a
/// draft if there is one). Saving and publishing are page handlers on the cookie session with the antiforgery token,
/// because the API takes bearer tokens only; they use the same <see cref="WorkflowDefinitionEdits"/> as the API.
/// </summary>
[Authorize(Roles.Admin)]
public sealed class DesignerEditModel(DefinitionCatalog catalog, WorkflowDefinitionEdits edits, IStringLocalizer<SharedResource> T) : PageModel
{
    public DefinitionVersion Current { get; private set; } = null!;

    /// <summary>What the script starts from, as JSON (the serializer escapes &lt; and &gt;, so it is safe inside a script element).</summary>
    public string Data { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string processId, CancellationToken cancellationToken)
    {
        var versions = await catalog.ListVersionsAsync(processId, cancellationToken);
        if (versions.Count == 0)
            return NotFound();
        var newest = versions.MaxBy(v => v.Version)!;
        if (await catalog.GetAsync(processId, newest.Version, cancellationToken) is not { } current)
            return NotFound();
        Current = current;
        var vocabulary = await catalog.ContextAsync(cancellationToken);
        static string[] Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];
        Data = JsonSerializer.Serialize(new
        {
            current.ProcessId,
            current.Version,
            Status = current.Status.ToString(),
            current.Xml,
            // A draft may have been saved with problems: they are shown as soon as it opens. A published version has none.
            Problems = current.Status == DefinitionStatus.Draft
                ? WorkflowProblem.From(await catalog.CheckAsync(current.Xml, cancellationToken))
                : [],
            Warnings = WorkflowProblem.From(DefinitionCatalog.WarningsOf(current.Xml)),
            // The choices of the properties panel's nsp fields: exactly what the server validates against.
            Vocabulary = new
            {
                Roles = Sorted(vocabulary.Roles),
                Forms = Sorted(vocabulary.Forms),
                Handlers = Sorted(vocabulary.Handlers),
                MailTemplates = Sorted(vocabulary.MailTemplates),
                Processes = Sorted(vocabulary.CallableProcessIds),
            },
            Texts = new
            {
                OneProblem = T["Designer.OneProblem"].Value,
                Problems = T["Designer.X0Problems"].Value,
                Working = T["Designer.Working"].Value,
                Failed = T["Designer.Failed"].Value,
                DraftVersion = T["Designer.VersionX0Draft"].Value,
                Warnings = T["Designer.Warnings"].Value,
                PublishedVersion = T["Designer.VersionX0Published"].Value,
            },
        }, JsonSerializerOptions.Web);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string processId, [FromForm] string? xml, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(xml))
            return Answer(StatusCodes.Status422UnprocessableEntity, null, null, T["Designer.Unreadable"], []);
        switch (await edits.SaveDraftAsync(xml, User, cancellationToken))
        {
            case SaveDraftResult.Unreadable unreadable:
                return Answer(StatusCodes.Status422UnprocessableEntity, null, null, T["Designer.Unreadable"], WorkflowProblem.From(unreadable.Problems));
            case SaveDraftResult.Saved saved:
                // The file may hold other processes too; the page follows its own (or the first, when its id was renamed).
                var version = saved.Versions.FirstOrDefault(v => v.ProcessId == processId) ?? saved.Versions[0];
                var problems = WorkflowProblem.From(saved.Problems);
                var message = !saved.Created ? T["Designer.NothingChanged", version.Version]
                    : problems.IsEmpty ? T["Designer.DraftSaved", version.Version]
                    : T["Designer.DraftSavedWithProblems", version.Version];
                return Answer(StatusCodes.Status200OK, version.Version, version.Status, message, problems, WorkflowProblem.From(saved.Warnings));
            default:
                throw new InvalidOperationException("Unknown save result.");
        }
    }

    public async Task<IActionResult> OnPostPublishAsync(string processId, int version, CancellationToken cancellationToken) =>
        await edits.PublishAsync(processId, version, User, cancellationToken) switch
        {
            PublishResult.Published published => Answer(StatusCodes.Status200OK, published.Version.Version, published.Version.Status,
                T["Designer.Published", published.Version.Version], []),
            PublishResult.AlreadyPublished already => Answer(StatusCodes.Status200OK, already.Version.Version, already.Version.Status,
                T["Designer.AlreadyPublished", already.Version.Version], []),
            PublishResult.Invalid invalid => Answer(StatusCodes.Status422UnprocessableEntity, version, invalid.Draft.Status.ToString(),
                T["Designer.NotPublishedProblems", version], WorkflowProblem.From(invalid.Problems)),
            PublishResult.Conflict conflict => Answer(StatusCodes.Status409Conflict, version, nameof(DefinitionStatus.Draft),
                T["Designer.PublishConflict", conflict.LatestPublishedVersion], []),
            _ => NotFound(),
        };

    private static JsonResult Answer(int statusCode, int? version, object? status, string message, ImmutableArray<WorkflowProblem> problems,
        ImmutableArray<WorkflowProblem> warnings = default) =>
        new(new DesignerAnswer(version, status?.ToString(), message, problems, warnings.IsDefault ? [] : warnings)) { StatusCode = statusCode };
}

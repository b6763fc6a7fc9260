using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Workflows.Pages;

/// <summary>
/// /designer: the pathways the engine runs, each with its published version and drafts, each opening in the designer
/// (<see cref="DesignerEditModel"/>) and its versions (<see cref="DesignerVersionsModel"/>); and a .bpmn file uploaded
/// as a draft, read by the engine's safe reader (no DTD, so no entity expansion; size and depth limits).
/// </summary>
[Authorize(Roles.Admin)]
[RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
public sealed class DesignerModel(DefinitionCatalog catalog, WorkflowDefinitionEdits edits, IStringLocalizer<SharedResource> T) : PageModel
{
    /// <summary>A pathway is a few dozen kilobytes; a megabyte leaves room without inviting anything else.</summary>
    public const int MaxUploadBytes = 1024 * 1024;

    public IReadOnlyList<WorkflowSummary> Workflows { get; private set; } = [];

    /// <summary>Why the uploaded file was refused, shown at the field; null when nothing was refused.</summary>
    public string? FileError { get; private set; }

    /// <summary>The engine's own sentences (English) about an unreadable file, under <see cref="FileError"/>.</summary>
    public IReadOnlyList<string> FileProblems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            return await RefuseAsync(T["Designer.UploadChooseFile"], [], cancellationToken);
        if (file.Length > MaxUploadBytes)
            return await RefuseAsync(T["Designer.UploadTooLarge", MaxUploadBytes / 1024], [], cancellationToken);

        string xml;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            xml = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return await RefuseAsync(T["Designer.UploadNotUtf8"], [], cancellationToken);
        }

        switch (await edits.SaveDraftAsync(xml, User, cancellationToken))
        {
            case SaveDraftResult.Unreadable unreadable:
                return await RefuseAsync(T["Designer.Unreadable"], [.. unreadable.Problems.Select(p => p.ToString())], cancellationToken);
            case SaveDraftResult.Saved saved:
                // The designer shows the draft with its problems, if any, where they can be corrected.
                return Redirect($"/designer/{Uri.EscapeDataString(saved.Versions[0].ProcessId)}");
            default:
                throw new InvalidOperationException("Unknown save result.");
        }
    }

    private async Task<IActionResult> RefuseAsync(string error, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        (FileError, FileProblems) = (error, problems);
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Workflows = [.. (await catalog.ListAsync(cancellationToken))
            .Select(d => new WorkflowSummary(d.ProcessId, d.Name, d.LatestPublishedVersion, d.DraftCount))
            .OrderBy(w => w.ProcessId, StringComparer.Ordinal)];
}

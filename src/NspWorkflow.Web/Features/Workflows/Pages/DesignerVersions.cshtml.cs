using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Workflows.Pages;

/// <summary>
/// /designer/{processId}/versions: every version of one process (draft or published, by whom, when, how many instances
/// run on it), each downloadable as its .bpmn file, and two of them chosen for comparison (<see cref="DesignerCompareModel"/>).
/// </summary>
[Authorize(Roles.Admin)]
public sealed class DesignerVersionsModel(DefinitionCatalog catalog, WorkflowVersionHistory history) : PageModel
{
    public string ProcessId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public IReadOnlyList<WorkflowVersionEntry> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string processId, CancellationToken cancellationToken)
    {
        Versions = await history.ListAsync(processId, cancellationToken);
        if (Versions.Count == 0)
            return NotFound();
        ProcessId = processId;
        Name = (await catalog.GetAsync(processId, Versions[0].Version, cancellationToken))?.Name ?? processId;
        return Page();
    }

    /// <summary>The version's file as it was saved, for another modeller or an archive.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string processId, int version, CancellationToken cancellationToken) =>
        await catalog.GetAsync(processId, version, cancellationToken) is { } found
            ? File(Encoding.UTF8.GetBytes(found.Xml), "application/xml", $"{processId}-v{version}.bpmn")
            : NotFound();

    public static string Time(DateTimeOffset time) => Infrastructure.Hosting.SwedishCalendar.Format(time);
}

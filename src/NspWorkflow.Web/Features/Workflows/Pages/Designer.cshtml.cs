using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Workflows.Pages;

/// <summary>
/// /designer: the pathways the engine runs, each with its published version and drafts, each opening in the designer
/// (<see cref="DesignerEditModel"/>).
/// </summary>
[Authorize(Roles.Admin)]
public sealed class DesignerModel(DefinitionCatalog catalog) : PageModel
{
    public IReadOnlyList<WorkflowSummary> Workflows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Workflows = [.. (await catalog.ListAsync(cancellationToken))
            .Select(d => new WorkflowSummary(d.ProcessId, d.Name, d.LatestPublishedVersion, d.DraftCount))
            .OrderBy(w => w.ProcessId, StringComparer.Ordinal)];
}

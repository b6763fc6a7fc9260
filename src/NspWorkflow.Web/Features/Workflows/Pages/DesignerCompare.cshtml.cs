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
/// /designer/{processId}/compare?from=1&amp;to=2: two versions side by side, the elements added, removed and changed
/// coloured in both and listed with their changed settings. The comparison runs in the browser (bpmn-js-differ over the
/// two files, Frontend/compare.js); the page hands it the two files and its words.
/// </summary>
[Authorize(Roles.Admin)]
public sealed class DesignerCompareModel(DefinitionCatalog catalog, IStringLocalizer<SharedResource> T) : PageModel
{
    public DefinitionVersion From { get; private set; } = null!;

    public DefinitionVersion To { get; private set; } = null!;

    /// <summary>What the script starts from, as JSON (the serializer escapes &lt; and &gt;, so it is safe inside a script element).</summary>
    public string Data { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string processId, int from, int to, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(processId, from, cancellationToken) is not { } older
            || await catalog.GetAsync(processId, to, cancellationToken) is not { } newer)
            return NotFound();
        (From, To) = (older, newer);
        Data = JsonSerializer.Serialize(new
        {
            From = older.Xml,
            To = newer.Xml,
            Texts = new
            {
                Added = T["Designer.Added"].Value,
                Removed = T["Designer.Removed"].Value,
                Changed = T["Designer.Changed"].Value,
                Moved = T["Designer.Moved"].Value,
                NoChanges = T["Designer.NoChanges"].Value,
            },
        }, JsonSerializerOptions.Web);
        return Page();
    }
}

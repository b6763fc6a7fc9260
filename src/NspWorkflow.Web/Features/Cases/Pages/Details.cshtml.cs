using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Web.Cases;
using NspWorkflow.Web.Cases.Api;

namespace NspWorkflow.Web.Pages.Cases;

/// <summary>
/// /cases/{id}: the case as the API gives it (<see cref="CaseDetails"/>), for whoever may read it; another shelter's case
/// is not found. Every read is audited.
/// </summary>
public sealed class DetailsModel(CaseReader reader) : PageModel
{
    public CaseDetails Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(id, User, cancellationToken) is not { } details)
            return NotFound();
        Case = details;
        return Page();
    }
}

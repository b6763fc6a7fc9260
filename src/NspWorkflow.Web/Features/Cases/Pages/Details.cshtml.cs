using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Web.Features.Cases.Api;

namespace NspWorkflow.Web.Features.Cases.Pages;

/// <summary>
/// /cases/{id}: the case as the API gives it (<see cref="CaseDetails"/>), for whoever may read it; another shelter's case
/// is not found, and so is every case to a reader, who sees counts only. Every read is audited; a refused one is not a read.
/// </summary>
[Authorize]
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

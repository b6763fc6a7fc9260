using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Cases;
using NspWorkflow.Web.Cases.Api;

namespace NspWorkflow.Web.Pages.Cases;

/// <summary>
/// /cases/{id}: the case as the API gives it (<see cref="CaseDetails"/>), for whoever may read it; another shelter's case
/// is not found. Every read is audited.
/// </summary>
public sealed class DetailsModel(NspDbContext db, CaseWorkspace workspace, TariffSchedule tariffs) : PageModel
{
    public CaseDetails Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await workspace.LoadAsync(id, cancellationToken);
        if (found is null || !CaseAccess.CanRead(User, found))
            return NotFound();

        var key = id.ToString();
        var tasks = await db.WorkflowTasks.AsNoTracking().Where(t => t.BusinessKey == key && t.Status == WaitStatus.Open)
            .OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        workspace.Audit(CaseAccess.Actor(User), "case.read", found);
        await workspace.SaveAsync(cancellationToken);
        Case = CaseDetails.From(found, tariffs, [.. tasks.Select(t => TaskResponse.From(t, found.Reference))]);
        return Page();
    }
}

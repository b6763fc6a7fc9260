using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Web.Features.Cases.Api;
using NspWorkflow.Web.Features.Cases.Pages.Application;
using NspWorkflow.Web.Infrastructure.Api;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Cases.Pages;

/// <summary>/cases: the cases the user may see (a shelter its own), newest first. Listing is audited as the API does.</summary>
[Authorize(Roles.CaseWork)]
public sealed class IndexModel(NspDbContext db, CaseWorkspace workspace, ApplicationDrafts drafts) : PageModel
{
    public const int Shown = 500;

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    /// <summary>A shelter user's saved applications (its shelter's); none for the others, who do not apply.</summary>
    public IReadOnlyList<ApplicationDraftSummary> Drafts { get; private set; } = [];

    public bool CanApply => User.IsInRole(Roles.Shelter);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Cases.AsNoTracking();
        if (CaseAccess.OnlyShelter(User) is { } shelterId)
        {
            query = query.Where(c => c.ShelterId == shelterId);
            Drafts = await drafts.ListAsync(shelterId, cancellationToken);
        }
        var rows = await query.OrderByDescending(c => c.CreatedAt).Take(Shown).ToListAsync(cancellationToken);
        workspace.Audit(CaseAccess.Actor(User), "case.list", null, $"{rows.Count} cases");
        await workspace.SaveAsync(cancellationToken);
        Cases = [.. rows.Select(c => new CaseSummary(c.Id, c.Reference, c.ShelterId, RequestEnums.Name(c.Status),
            RequestEnums.Name(c.Outcome), c.PlacementDate))];
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Cases.Api;
using NspWorkflow.Web.Features.Cases.Pages.Application;
using NspWorkflow.Web.Infrastructure.Api;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Cases.Pages;

/// <summary>
/// /cases: the cases the user may see (a shelter its own), newest first, a page at a time, filtered by status, shelter
/// (not for a shelter user) and reference; the filter and the page are the address, so they survive a reload and can be
/// shared. Listing is audited as the API does.
/// </summary>
/// <remarks>Paged by keyset: see <see cref="CaseListQuery"/>.</remarks>
[Authorize(Roles.CaseWork)]
public sealed class IndexModel(NspDbContext db, CaseWorkspace workspace, ApplicationDrafts drafts, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Only cases of this status (applied, active, closed); none or unknown: all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Only this shelter's cases; ignored for a shelter user, who only ever sees its own.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Shelter { get; set; }

    /// <summary>Part of a reference (<c>NSP-2026-0042</c>, <c>0042</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The page after this case (a <see cref="CaseListCursor"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>The page before this case.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    /// <summary>How many cases match the filter, on all pages.</summary>
    public int Matching { get; private set; }

    public string? PreviousUrl { get; private set; }
    public string? NextUrl { get; private set; }

    /// <summary>The shelters by name, for the filter and the column; empty for a shelter user.</summary>
    /// <summary>The shelters to filter by, for the coordinator and the administrator, and whether each is certified today.</summary>
    public IReadOnlyList<(Guid Id, string Name, bool Certified)> Shelters { get; private set; } = [];

    /// <summary>A shelter user's saved applications (its shelter's); none for the others, who do not apply.</summary>
    public IReadOnlyList<ApplicationDraftSummary> Drafts { get; private set; } = [];

    public bool CanApply => User.IsInRole(Roles.Shelter);

    public bool Filtered => StatusFilter is not null || Shelter is not null || !string.IsNullOrWhiteSpace(Q);

    public static IReadOnlyList<string> Statuses { get; } = [.. Enum.GetValues<CaseStatus>().Select(RequestEnums.Name)];

    private CaseStatus? StatusFilter => RequestEnums.TryParse<CaseStatus>(Status, out var status) ? status : null;

    public string ShelterName(Guid id) => Shelters.FirstOrDefault(s => s.Id == id) is { Name: { } name } ? name : "–";

    /// <summary>An open case at a shelter whose certification lapsed: the person must move when the running period ends.</summary>
    public bool MustMove(CaseSummary c) =>
        c.Status is "applied" or "active" && Shelters.FirstOrDefault(s => s.Id == c.ShelterId) is { Name: not null, Certified: false };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A shelter user sees its own shelter's cases whatever the address asks.
        var shelter = Shelter;
        if (CaseAccess.OnlyShelter(User) is { } own)
        {
            shelter = own;
            Shelter = null;
            Drafts = await drafts.ListAsync(own, cancellationToken);
        }
        else
        {
            var today = SwedishCalendar.Today(time);
            Shelters = [.. (await db.Shelters.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken))
                .Select(s => (s.Id, s.Name, s.IsCertifiedOn(today)))];
        }
        var query = CaseListQuery.Filter(db.Cases.AsNoTracking(), shelter, StatusFilter, Q);

        Matching = await query.CountAsync(cancellationToken);
        var page = await CaseListQuery.PageAsync(query, CaseListCursor.Parse(After), CaseListCursor.Parse(Before), PageSize, cancellationToken);
        workspace.Audit(CaseAccess.Actor(User), "case.list", null, $"{page.Cases.Count} cases");
        await workspace.SaveAsync(cancellationToken);
        Cases = [.. page.Cases.Select(c => new CaseSummary(c.Id, c.Reference, c.ShelterId, RequestEnums.Name(c.Status),
            RequestEnums.Name(c.Outcome), c.PlacementDate, c.Erased))];
        PreviousUrl = page.Previous is { } previous ? PageUrl("before", previous.ToString()) : null;
        NextUrl = page.Next is { } next ? PageUrl("after", next.ToString()) : null;
    }

    /// <summary>The address of a page beside this one, with the same filter.</summary>
    private string PageUrl(string direction, string cursor)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (StatusFilter is not null)
            query.Add(new("status", Status));
        if (Shelter is { } shelter)
            query.Add(new("shelter", shelter.ToString()));
        if (!string.IsNullOrWhiteSpace(Q))
            query.Add(new("q", Q.Trim()));
        query.Add(new(direction, cursor));
        return "/cases" + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}

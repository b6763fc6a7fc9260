using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Features.Tasks.Assignments;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>How soon the items the inbox lists fall due.</summary>
public enum InboxDue
{
    Overdue,
    Within7Days,
    Within14Days,
}

/// <summary>
/// /inbox: the coordinator's open tasks (the approvals waiting), oldest first, so the longest wait is on top; filtered by
/// kind, shelter, region and due day (kept in the address, so a filtered inbox can be bookmarked and shared), with the
/// count of each kind waiting. By default it shows the items nobody was handed and those handed to the user or to a
/// colleague the user stands in for; "all" shows every coordinator's. Above them, how many certification deadlines have
/// passed (overdue actions, lapsed certifications), linking to <c>/certification</c>.
/// </summary>
[Authorize(Roles.Coordinator)]
public sealed class InboxModel(TaskQueries queries, NspDbContext db, TaskAssignments assignments, StandIns standIns, IPassedDeadlines passedDeadlines,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Shelter { get; set; }

    [BindProperty(SupportsGet = true)]
    public Region? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public InboxDue? Due { get; set; }

    /// <summary>The page of the list, from 1 (<c>p</c>: <c>page</c> is Razor Pages' own route value). An offset, not a keyset: the open items are at most a few thousand, and the
    /// role's open tasks are read in order from the (status, role, created) index.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;

    /// <summary>How many items the filter keeps, over all pages.</summary>
    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Every coordinator's items, not only the user's and nobody's.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public IReadOnlyList<TaskListItem> Tasks { get; private set; } = [];

    /// <summary>Who each listed item was handed to.</summary>
    public IReadOnlyDictionary<Guid, TaskAssignment> Assigned { get; private set; } = new Dictionary<Guid, TaskAssignment>();

    /// <summary>The absences the user covers today or later.</summary>
    public IReadOnlyList<StandIn> Covering { get; private set; } = [];

    /// <summary>Open tasks by form, whatever the filter.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    /// <summary>Certification deadlines passed today: actions overdue and certifications lapsed.</summary>
    public int CertificationDeadlinesPassed { get; private set; }

    /// <summary>The shelters, by id, for the filter and the column.</summary>
    public IReadOnlyList<(Guid Id, string Name, Region Region)> Shelters { get; private set; } = [];

    public DateOnly Today => SwedishCalendar.Today(time);

    public string ShelterName(string? organisationId) =>
        Guid.TryParse(organisationId, out var id) && Shelters.FirstOrDefault(s => s.Id == id) is { Name: { } name } ? name : "–";

    /// <summary>The address of this view with <paramref name="all"/> switched, the other filters kept.</summary>
    public string ViewLink(bool all) => Link(all, 1);

    /// <summary>The address of page <paramref name="page"/> of this view, the filters kept.</summary>
    public string PageLink(int page) => Link(All, page);

    private string Link(bool all, int page) => "/inbox" + QueryString.Create(new Dictionary<string, string?>
    {
        ["kind"] = Kind, ["shelter"] = Shelter?.ToString(), ["region"] = Region?.ToString(), ["due"] = Due?.ToString(),
        ["all"] = all ? "true" : null, ["p"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Shelters = [.. (await db.Shelters.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.Region }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.Name, s.Region))];
        var organisations = Shelter is { } one ? [one.ToString()]
            : Region is { } region ? Shelters.Where(s => s.Region == region).Select(s => s.Id.ToString()).ToList()
            : null;
        var owners = All ? null : await standIns.InboxOwnersAsync(User, cancellationToken);
        var filter = new InboxFilter(string.IsNullOrEmpty(Kind) ? null : Kind, organisations, DueBy(Due), owners);
        Total = await queries.CountWaitingAsync(Roles.Coordinator, filter, cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Tasks = await queries.WaitingForAsync(Roles.Coordinator, filter, PageSize, cancellationToken, skip: (PageNumber - 1) * PageSize);
        Assigned = await assignments.OfAsync([.. Tasks.Select(t => t.Task.Id)], cancellationToken);
        Covering = (await standIns.OfAsync(User, cancellationToken)).Covering;
        Counts = await queries.CountWaitingByFormAsync(Roles.Coordinator, cancellationToken);
        CertificationDeadlinesPassed = await passedDeadlines.PassedCountAsync(Today, cancellationToken);
    }

    /// <summary>
    /// The latest due time the filter keeps. Tasks fall due at the start of the day after their last day, so "overdue" is
    /// due by now, and "within N days" is due by the end of the N-th day from today.
    /// </summary>
    private DateTimeOffset? DueBy(InboxDue? due) => due switch
    {
        InboxDue.Overdue => time.GetUtcNow(),
        InboxDue.Within7Days => SwedishCalendar.At(Today.AddDays(8), TimeOnly.MinValue),
        InboxDue.Within14Days => SwedishCalendar.At(Today.AddDays(15), TimeOnly.MinValue),
        _ => null,
    };
}

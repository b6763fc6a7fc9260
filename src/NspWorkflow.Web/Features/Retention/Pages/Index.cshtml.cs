using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Retention.Pages;

/// <summary>
/// /retention: the administrator sees which cases' personal data is erased in the next 30 days (reference, shelter, day
/// closed, day of erasure; nothing of the person) and the last erasures from the audit log.
/// </summary>
[Authorize(Roles.Admin)]
public sealed class IndexModel(RetentionOverview overview) : PageModel
{
    public IReadOnlyList<UpcomingErasure> Upcoming { get; private set; } = [];

    public IReadOnlyList<DoneErasure> Done { get; private set; } = [];

    public int Years => overview.Years;

    public DateOnly Today => overview.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Upcoming = await overview.UpcomingAsync(cancellationToken);
        Done = await overview.DoneAsync(cancellationToken);
    }
}

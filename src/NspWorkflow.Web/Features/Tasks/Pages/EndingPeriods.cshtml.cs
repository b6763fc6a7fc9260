using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>
/// /inbox/periods: the periods ending in the next 14 days (and those that ended with nothing done), soonest first, each
/// with whether the shelter has acted: the shelter's own task still open means not yet; the coordinator's review open
/// means it applied and waits for a decision. Read from the tasks due at a period's end, so no case file is opened.
/// </summary>
[Authorize(Roles.Coordinator)]
public sealed class EndingPeriodsModel(TaskQueries queries, TaskFormRegistry forms, NspDbContext db, TimeProvider time) : PageModel
{
    public const int Horizon = 14;

    public IReadOnlyList<TaskListItem> Tasks { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ShelterNames { get; private set; } = new Dictionary<Guid, string>();

    public DateOnly Today => SwedishCalendar.Today(time);

    public string ShelterName(string? organisationId) =>
        Guid.TryParse(organisationId, out var id) && ShelterNames.TryGetValue(id, out var name) ? name : "–";

    /// <summary>The days from today to the task's due day (the period's last day); negative once it has passed.</summary>
    public int DaysLeft(DateTimeOffset due) =>
        DateOnly.FromDateTime(SwedishCalendar.ToSwedish(due).DateTime).AddDays(-1).DayNumber - Today.DayNumber;

    public bool ShelterHasActed(TaskListItem item) => item.Task.AssigneeRole == Roles.Coordinator;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var periodForms = forms.All.Where(f => f.DueAtPeriodEnd).Select(f => f.Key).ToList();
        // Due at the start of the day after the last day: the last day within the horizon is due by the start of the day after it.
        var dueBy = SwedishCalendar.At(Today.AddDays(Horizon + 1), TimeOnly.MinValue);
        Tasks = await queries.DueByAsync(periodForms, dueBy, TaskQueries.Shown, cancellationToken);
        ShelterNames = await db.Shelters.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
    }
}

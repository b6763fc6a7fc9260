using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Certification.Pages;

/// <summary>
/// /certification/routine/{id}: a shelter's yearly routine check: where it stands, the statistics and trainings reported,
/// and the open task of its process (the shelter's report or the coordinator's check). Not found for another shelter,
/// exactly as for one that does not exist.
/// </summary>
[Authorize(Roles.CaseWork)]
public sealed class RoutineModel(RoutineChecks checks, TaskQueries tasks, TaskFormRegistry forms, NspDbContext db) : PageModel
{
    public RoutineCheckSubject Subject { get; private set; } = null!;

    public IReadOnlyList<WorkflowTaskRow> OpenTasks { get; private set; } = [];

    public TaskFormRegistry Forms => forms;

    public bool Started { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool started, CancellationToken cancellationToken)
    {
        if (await checks.FindVisibleAsync(id, User, cancellationToken) is not { } row)
            return NotFound();
        var shelter = await db.Shelters.AsNoTracking().SingleAsync(s => s.Id == row.ShelterId, cancellationToken);
        Subject = new RoutineCheckSubject(row, RoutineCheckDocument.Read(row), shelter);
        OpenTasks = await tasks.OpenOfAsync(RoutineCheckNames.SubjectKind, id.ToString(), cancellationToken);
        Started = started;
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Authentication;

namespace NspWorkflow.Web.Pages.Tasks;

/// <summary>/tasks: the open tasks the signed-in user may complete (a shelter's for its shelter, the coordinator's).</summary>
public sealed class IndexModel(NspDbContext db) : PageModel
{
    public IReadOnlyList<OpenTaskRow> Tasks { get; private set; } = [];

    /// <summary>Set by the redirect after a completion, to say it went through.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Completed { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var coordinator = User.IsInRole(Roles.Coordinator);
        // A shelter user's tasks are its own shelter's: the organisation the task was created for.
        var shelter = User.IsInRole(Roles.Shelter) && User.ShelterId() is { } shelterId ? shelterId.ToString() : null;
        if (!coordinator && shelter is null)
            return;

        var query = db.WorkflowTasks.AsNoTracking().Where(t => t.Status == WaitStatus.Open && t.BusinessKey != null
            && ((coordinator && t.AssigneeRole == Roles.Coordinator)
                || (shelter != null && t.AssigneeRole == Roles.Shelter && t.OrganisationId == shelter)));
        Tasks = await OpenTaskRow.ListAsync(db, query, cancellationToken);
    }
}

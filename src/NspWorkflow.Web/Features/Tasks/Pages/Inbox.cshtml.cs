using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Authentication;
using NspWorkflow.Web.Pages.Tasks;

namespace NspWorkflow.Web.Pages;

/// <summary>/inbox: the coordinator's open tasks (the approvals waiting), oldest first, so the longest wait is on top.</summary>
public sealed class InboxModel(NspDbContext db) : PageModel
{
    public IReadOnlyList<OpenTaskRow> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tasks = await OpenTaskRow.ListAsync(db, db.WorkflowTasks.AsNoTracking()
            .Where(t => t.Status == WaitStatus.Open && t.BusinessKey != null && t.AssigneeRole == Roles.Coordinator), cancellationToken);
}

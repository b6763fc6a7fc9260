using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>/inbox: the coordinator's open tasks (the approvals waiting), oldest first, so the longest wait is on top.</summary>
[Authorize(Roles.Coordinator)]
public sealed class InboxModel(TaskQueries queries) : PageModel
{
    public IReadOnlyList<TaskListItem> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tasks = await queries.WaitingForAsync(Roles.Coordinator, TaskQueries.Shown, cancellationToken);
}

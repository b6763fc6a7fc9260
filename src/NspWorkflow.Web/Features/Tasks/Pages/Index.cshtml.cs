using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>/tasks: the open tasks the signed-in user may complete (a shelter's for its shelter, the coordinator's).</summary>
// Only the roles the workflows give tasks to: the administrator and the reader have none to do.
[Authorize(Roles.TaskWork)]
public sealed class IndexModel(TaskQueries queries) : PageModel
{
    public IReadOnlyList<TaskListItem> Tasks { get; private set; } = [];

    /// <summary>Set by the redirect after a completion, to say it went through.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Completed { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tasks = await queries.ToDoAsync(User, cancellationToken);
}

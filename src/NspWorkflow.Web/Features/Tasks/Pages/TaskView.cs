using System.Security.Claims;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Features.Tasks.Subjects;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>
/// What the task page shows of a task and its subject: the kind, the subject's reference and, for whoever may see the
/// subject, its file (a case's application and decisions), so nobody decides blind.
/// </summary>
public sealed record TaskView(WorkflowTaskRow Task, ITaskForm? Form, TaskSubject Subject, bool MayComplete, SubjectFile? File)
{
    public string Kind => Form?.Label ?? TaskFormRegistry.UnknownLabel;

    public bool IsOpen => Task.Status == WaitStatus.Open;

    public IReadOnlyList<string> Outcomes => Form?.Outcomes ?? [];

    public static async Task<TaskView> FromAsync(VisibleTask visible, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        new(visible.Task, visible.Form, visible.Subject, visible.MayComplete(user) && visible.Task.Status == WaitStatus.Open,
            await visible.Subjects.FileOfAsync(visible.Subject, cancellationToken));
}

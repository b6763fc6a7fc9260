using System.Security.Claims;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Features.Tasks.Subjects;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>What the task page shows of a task and its subject: the reference and the kind, never the person's facts.</summary>
public sealed record TaskView(WorkflowTaskRow Task, ITaskForm? Form, TaskSubject Subject, bool MayComplete)
{
    public string Kind => Form?.Label ?? TaskFormRegistry.UnknownLabel;

    public bool IsOpen => Task.Status == WaitStatus.Open;

    public IReadOnlyList<string> Outcomes => Form?.Outcomes ?? [];

    public static TaskView From(VisibleTask visible, ClaimsPrincipal user) =>
        new(visible.Task, visible.Form, visible.Subject, visible.MayComplete(user) && visible.Task.Status == WaitStatus.Open);
}

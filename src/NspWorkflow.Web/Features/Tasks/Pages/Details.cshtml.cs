using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Budget;
using NspWorkflow.Web.Features.Budget;
using NspWorkflow.Web.Features.Tasks.Api;
using NspWorkflow.Web.Features.Tasks.Assignments;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Layout;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>
/// /tasks/{id}: the task a mail links to. Whoever may see its subject sees the task (reading it is audited); whoever may
/// complete it gets the form of its kind (the form's partial view), completed through <see cref="TaskCompleter"/>
/// exactly as the API does.
/// </summary>
// Only the roles the workflows give tasks to: the administrator and the reader have none to see or do.
[Authorize(Roles.TaskWork)]
public sealed class DetailsModel(NspDbContext db, TaskCompleter completion, TaskFormRegistry forms, TimeProvider time,
    IServiceScopeFactory scopes, RuleViolationTexts violationTexts, IStringLocalizer<SharedResource> T, TaskQueries queries,
    TaskAssignments assignments, StandIns standIns, BudgetQueries budget) : PageModel, IFieldErrors
{
    public const string AlreadyCompletedMessage = TaskEndpoints.AlreadyCompletedTitle;

    /// <summary>The task is still open; the form keeps what the user entered, so sending it again is one press.</summary>
    public const string ConflictMessage = TaskEndpoints.ConflictTitle;

    /// <summary>
    /// The engine stores nothing of a refused step, not even an incident, so nobody has been told: the user is asked to.
    /// </summary>
    public const string RefusedMessage = "Task.RefusedByWorkflow";

    /// <summary>The engine's reason (it names processes and elements, never personal data), for the administrator.</summary>
    public const string RefusedReasonLabel = "ReasonX0";

    public TaskView Item { get; private set; } = null!;

    /// <summary>What the form's fields hold: the form's own input type (<see cref="ITaskForm.InputType"/>).</summary>
    public object? Input { get; private set; }

    /// <summary>Messages by field as the form names it (reason, report, needsAssessment.areas.housing, ...); "" for the whole form.</summary>
    public Dictionary<string, List<string>> FieldErrors { get; } = [];

    public bool AlreadyCompleted { get; private set; }

    /// <summary>Who the open coordinator task was handed to (null: nobody), and the colleagues it may be handed to; see <see cref="HandOverModel"/>.</summary>
    public HandOverChoice? HandOver { get; private set; }

    /// <summary>The year's budget, which every decision of the coordinator's is taken seeing; null on other tasks.</summary>
    public BudgetStatement? Budget { get; private set; }

    /// <summary>Set when other steps of the case kept the workflow moving while this completion was stored.</summary>
    public bool Conflicted { get; private set; }

    /// <summary>Set when the workflow refused the completion; holds the engine's reason (may be empty).</summary>
    public string? RefusedReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await completion.FindVisibleAsync(id, User, cancellationToken) is not { } visible)
            return NotFound();

        visible.Subjects.Audit(User, "task.read", visible.Subject, visible.Task.FormKey);
        await visible.Subjects.SaveAsync(cancellationToken);
        Item = await TaskView.FromAsync(visible, User, cancellationToken);
        Input = visible.Form?.NewInputFor(visible.Subject);
        HandOver = await HandOverChoiceAsync(cancellationToken);
        Budget = await BudgetAsync(cancellationToken);
        return Page();
    }

    /// <summary>The task was opened from the inbox: after a decision the next one there opens.</summary>
    public const string FromInbox = "inbox";

    /// <summary>Opened from the inbox, or posted from a page that was (kept through a redisplay after errors).</summary>
    public bool OpenedFromInbox =>
        Request.Query["from"] == FromInbox || (Request.HasFormContentType && Request.Form["from"] == FromInbox);

    /// <summary>The page is the next item after a decision taken from the inbox.</summary>
    public bool AfterDecision => Request.Query["decided"] == "True";

    public async Task<IActionResult> OnPostAsync(Guid id, string? outcome, string? from, CancellationToken cancellationToken)
    {
        var formKey = await db.WorkflowTasks.AsNoTracking().Where(t => t.Id == id).Select(t => t.FormKey).SingleOrDefaultAsync(cancellationToken);
        if (forms.Find(formKey) is { } form)
        {
            Input = form.NewInput();
            await TryUpdateModelAsync(Input, form.InputType, nameof(Input));
        }

        var today = SwedishCalendar.Today(time);
        var result = await completion.CompleteAsync(id, User, outcome, (form, _) => form.DataFrom(Input ?? form.NewInput(), today), cancellationToken);
        switch (result.Status)
        {
            case TaskCompletionStatus.Completed:
                if (from == FromInbox && User.IsInRole(Roles.Coordinator)
                    && await queries.NextWaitingForAsync(Roles.Coordinator, id, await standIns.InboxOwnersAsync(User, cancellationToken), cancellationToken) is { } next)
                    return Redirect($"/tasks/{next}?from={FromInbox}&decided=True");
                return RedirectToPage("/Features/Tasks/Pages/Index", new { completed = true });
            case TaskCompletionStatus.NotFound:
                return NotFound();
            case TaskCompletionStatus.Forbidden:
                return Forbid();
            case TaskCompletionStatus.AlreadyCompleted:
                AlreadyCompleted = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case TaskCompletionStatus.Conflict:
                Conflicted = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case TaskCompletionStatus.Refused:
                RefusedReason = result.Reason ?? "";
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
            default:
                if (await RedisplayAsync(id, cancellationToken) is not { } page)
                    return NotFound();
                foreach (var violation in result.Violations)
                    AddError(violation);
                return page;
        }

        return await RedisplayAsync(id, cancellationToken) ?? NotFound();
    }

    /// <summary>The form's input, as the form's partial view reads it.</summary>
    public TInput InputAs<TInput>() where TInput : class, new() => Input as TInput ?? new TInput();

    public IReadOnlyList<string> ErrorsOf(string field) => FieldErrors.TryGetValue(field, out var messages) ? messages : [];

    public string? DescribedBy(string field, string? hintId = null) =>
        Infrastructure.Layout.FieldErrors.DescribedBy(hintId, ErrorsOf(field).Count > 0 ? field : null);

    public string AriaInvalid(string field) => ErrorsOf(field).Count > 0 ? "true" : "false";

    public string ErrorKey(string field) => field;

    /// <summary>The input a summary link of a field's error leads to (null: the error is about the whole form).</summary>
    public string? InputId(string field) => field.Length == 0 ? null : Item.Form?.InputIdOf(field);

    /// <summary>A coordinator may hand an open coordinator task to a colleague.</summary>
    private async Task<BudgetStatement?> BudgetAsync(CancellationToken cancellationToken) =>
        Item.IsOpen && Item.Task.AssigneeRole == Roles.Coordinator && (User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin))
            ? await budget.StatementAsync(SwedishCalendar.Today(time).Year, SwedishCalendar.Today(time), cancellationToken)
            : null;

    private async Task<HandOverChoice?> HandOverChoiceAsync(CancellationToken cancellationToken) =>
        Item.IsOpen && Item.Task.AssigneeRole == Roles.Coordinator && User.IsInRole(Roles.Coordinator)
            ? await assignments.ChoiceAsync(Item.Task.Id, User, cancellationToken)
            : null;

    private void AddError(RuleViolation violation)
    {
        var field = violation.Field.StartsWith("data.", StringComparison.Ordinal) ? violation.Field["data.".Length..] : violation.Field;
        if (InputId(field) is null)
            field = "";
        if (!FieldErrors.TryGetValue(field, out var messages))
            FieldErrors[field] = messages = [];
        // Named by its label where the form gives one: the summary stands apart from the field ("Motivering måste anges.").
        var message = field.Length > 0 && Item.Form?.LabelOf(field, Item.Subject) is { } label
            ? violationTexts.Message(violation, T[label.Key, label.Arguments])
            : violationTexts.Message(violation);
        if (!messages.Contains(message))
            messages.Add(message);
    }

    /// <summary>
    /// The task again after a completion that did not go through. The request's unit of work may hold the failed attempt's
    /// change, so it is never saved here; the read is audited in a unit of work of its own.
    /// </summary>
    private async Task<IActionResult?> RedisplayAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await completion.FindVisibleAsync(id, User, cancellationToken) is not { } visible)
            return null;

        await using (var scope = scopes.CreateAsyncScope())
        {
            if (scope.ServiceProvider.GetRequiredService<TaskSubjectKinds>().Find(visible.Subject.Kind) is { } audit)
            {
                audit.Audit(User, "task.read", visible.Subject, visible.Task.FormKey);
                await audit.SaveAsync(cancellationToken);
            }
        }

        Item = await TaskView.FromAsync(visible, User, cancellationToken);
        Input ??= visible.Form?.NewInput();
        HandOver = await HandOverChoiceAsync(cancellationToken);
        Budget = await BudgetAsync(cancellationToken);
        return Page();
    }
}

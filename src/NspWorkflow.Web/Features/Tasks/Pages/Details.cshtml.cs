using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data;
using NspWorkflow.Domain;
using NspWorkflow.Web.Cases;
using NspWorkflow.Web.Cases.Api;
using NspWorkflow.Web.Hosting;
using NspWorkflow.Web.Localization;

namespace NspWorkflow.Web.Pages.Tasks;

/// <summary>
/// /tasks/{id}: the task a mail links to. Whoever may see the case sees the task (reading it is audited); whoever may
/// complete it gets the form of its kind, completed through <see cref="TaskCompletion"/> exactly as the API does.
/// </summary>
public sealed class DetailsModel(NspDbContext db, CaseWorkspace workspace, TaskCompletion completion, TimeProvider time,
    IServiceScopeFactory scopes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string AlreadyCompletedMessage = TaskApi.AlreadyCompletedTitle;

    /// <summary>The task is still open; the form keeps what the user entered, so sending it again is one press.</summary>
    public const string ConflictMessage = TaskApi.ConflictTitle;

    /// <summary>
    /// The engine stores nothing of a refused step, not even an incident, so nobody has been told: the user is asked to.
    /// </summary>
    public const string RefusedMessage =
        "Uppgiften kunde inte slutföras: arbetsflödet avvisade steget. Ingenting sparades och uppgiften är fortfarande öppen. " +
        "Kontakta en administratör och ange orsaken nedan.";

    /// <summary>The engine's reason (it names processes and elements, never personal data), for the administrator.</summary>
    public const string RefusedReasonLabel = "Orsak: {0}";

    public TaskView Item { get; private set; } = null!;

    [BindProperty]
    public TaskFormInput Input { get; set; } = new();

    /// <summary>Messages by field as the form names it (reason, report, needsAssessment.areas.housing, ...); "" for the whole form.</summary>
    public Dictionary<string, List<string>> FieldErrors { get; } = [];

    public bool AlreadyCompleted { get; private set; }

    /// <summary>Set when other steps of the case kept the workflow moving while this completion was stored.</summary>
    public bool Conflicted { get; private set; }

    /// <summary>Set when the workflow refused the completion; holds the engine's reason (may be empty).</summary>
    public string? RefusedReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await completion.FindVisibleAsync(id, User, cancellationToken) is not { } visible)
            return NotFound();
        var (task, found) = visible;

        workspace.Audit(CaseAccess.Actor(User), "task.read", found, task.FormKey);
        await workspace.SaveAsync(cancellationToken);
        Item = TaskView.From(task, found, TaskCompletion.MayComplete(User, task, found.ShelterId));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? outcome, CancellationToken cancellationToken)
    {
        var formKey = await db.WorkflowTasks.AsNoTracking().Where(t => t.Id == id).Select(t => t.FormKey).SingleOrDefaultAsync(cancellationToken);
        var result = await completion.CompleteAsync(id, User, outcome, Input.ToData(formKey, SwedishCalendar.Today(time)), cancellationToken);
        switch (result.Status)
        {
            case TaskCompletionStatus.Completed:
                return RedirectToPage("/Tasks/Index", new { completed = true });
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
                foreach (var violation in result.Violations)
                    AddError(violation);
                break;
        }

        return await RedisplayAsync(id, cancellationToken) ?? NotFound();
    }

    public IReadOnlyList<string> ErrorsOf(string field) => FieldErrors.TryGetValue(field, out var messages) ? messages : [];

    public string? DescribedBy(string field, string? hintId = null)
    {
        var ids = string.Join(' ', new[] { hintId, ErrorsOf(field).Count > 0 ? ErrorId(field) : null }.OfType<string>());
        return ids.Length == 0 ? null : ids;
    }

    public string AriaInvalid(string field) => ErrorsOf(field).Count > 0 ? "true" : "false";

    public static string ErrorId(string field) => $"{field.Replace('.', '-')}-error";

    /// <summary>The input a summary link of a field's error leads to (null: the error is about the whole form).</summary>
    public static string? InputId(string field) => field switch
    {
        "reason" => "Input_Reason",
        "report" => "Input_Report",
        "needsAssessment" => "needs-assessment",
        _ when field.StartsWith("needsAssessment.areas.", StringComparison.Ordinal) =>
            field["needsAssessment.areas.".Length..].Split('.') switch
            {
                [var area] => AreaInputId(area, "Need") + "-yes",
                [var area, var part] => AreaInputId(area, char.ToUpperInvariant(part[0]) + part[1..]),
                _ => null,
            },
        _ => null,
    };

    public static string AreaInputId(string area, string part) => $"Input_Areas_{area}_{part}";

    private void AddError(RuleViolation violation)
    {
        var field = violation.Field.StartsWith("data.", StringComparison.Ordinal) ? violation.Field["data.".Length..] : violation.Field;
        if (InputId(field) is null)
            field = "";
        if (!FieldErrors.TryGetValue(field, out var messages))
            FieldErrors[field] = messages = [];
        var message = localizer[CaseProblems.Message(violation)].Value;
        if (!messages.Contains(message))
            messages.Add(message);
    }

    /// <summary>
    /// The task again after a completion that did not go through. The request's workspace may hold the failed attempt's
    /// change, so it is never saved here; the read is audited in a unit of work of its own.
    /// </summary>
    private async Task<IActionResult?> RedisplayAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await completion.FindVisibleAsync(id, User, cancellationToken) is not { } visible)
            return null;
        var (task, found) = visible;

        await using (var scope = scopes.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<CaseWorkspace>();
            audit.Audit(CaseAccess.Actor(User), "task.read", found, task.FormKey);
            await audit.SaveAsync(cancellationToken);
        }

        Item = TaskView.From(task, found, TaskCompletion.MayComplete(User, task, found.ShelterId));
        return Page();
    }
}

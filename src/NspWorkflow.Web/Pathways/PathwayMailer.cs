using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Pathways;

/// <summary>
/// Outbox mail for a workflow step, added to the step's unit of work so it commits with it (or not at all): a new shelter
/// task with a mail template goes to the task's shelter, a <c>period-reminder</c> send task to the instance's shelter, and
/// the coordinator's decision (a completed task whose form <see cref="ITaskForm.Decides"/>) to the instance's shelter.
/// Mail names only the kind of task, the pseudonymous case reference and a link: never variable values or free text.
/// Tasks for the coordinator are not mailed one by one; <c>CoordinatorDigestJob</c> lists them once a day.
/// </summary>
internal sealed partial class PathwayMailer(
    NspDbContext db,
    IMailOutbox outbox,
    IMailKick kick,
    TaskFormRegistry forms,
    MessageTable texts,
    AppOptions app,
    ILogger<PathwayMailer> logger) : IStepEffectHandler
{
    public const string CaseReferenceVariable = PathwayNames.Variables.Reference;

    // The texts are keys of the message table; mail goes out in Swedish whoever's action caused it.
    public const string TaskSubject = "Mail.Task.Subject";
    public const string ReminderSubject = "Mail.Reminder.Subject";
    public const string DecisionSubject = "Mail.Decision.Subject";

    /// <summary>A new task's mail: to the task's shelter, naming the kind of task and linking to it.</summary>
    public const string TaskTemplate = "task-assigned";

    /// <summary>A send task's reminder to the instance's shelter that a period is ending.</summary>
    public const string ReminderTemplate = "period-reminder";

    /// <summary>The mail templates definitions may name (<c>nsp:mailTemplate</c>).</summary>
    public static IReadOnlyList<string> Templates { get; } = [TaskTemplate, ReminderTemplate];

    // Set per attempt: a conflicting attempt's mail is dropped with the store's tracker, the re-run decides anew.
    private bool enqueued;

    public async Task BeforeSaveAsync(StepCommit commit, CancellationToken cancellationToken)
    {
        enqueued = false;
        // A step's mail usually goes to one shelter (a task and a reminder, parent and child): read each once.
        var shelters = new Dictionary<Guid, Shelter?>();
        foreach (var change in commit.Instances)
        {
            foreach (var effect in change.Effects)
            {
                var draft = effect switch
                {
                    TaskCreated { MailTemplate: not null, AssigneeRole: Roles.Shelter } task =>
                        await ShelterMailAsync(shelters, change, "task", Swedish(TaskSubject), TaskBody(task, change), cancellationToken),
                    MailRequested { Template: ReminderTemplate, Role: Roles.Shelter } =>
                        await ShelterMailAsync(shelters, change, "reminder", Swedish(ReminderSubject), ReminderBody(change), cancellationToken),
                    _ => null,
                };
                if (draft is not null)
                {
                    outbox.Enqueue(draft);
                    enqueued = true;
                }
            }

            if (change.CompletedTask is { Outcome: { } outcome } done
                && await DecisionAsync(done.TaskId, cancellationToken) is { Decides: { } decides } form
                && await ShelterMailAsync(shelters, change, "decision", Swedish(DecisionSubject), DecisionBody(decides, form.Key, outcome, change), cancellationToken) is { } mail)
            {
                outbox.Enqueue(mail);
                enqueued = true;
            }
        }
    }

    /// <summary>The completed task's form (what it decides, if anything), or null: the task row still names its form when the step completes it.</summary>
    private async Task<ITaskForm?> DecisionAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var form = await db.WorkflowTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.FormKey).SingleOrDefaultAsync(cancellationToken);
        return forms.Find(form);
    }

    public void AfterSave(StepCommit commit)
    {
        if (enqueued)
            kick.Kick();
    }

    private async Task<OutboxMailDraft?> ShelterMailAsync(Dictionary<Guid, Shelter?> shelters, InstanceChange change, string kind,
        string subject, string body, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(change.OrganisationId, out var shelterId))
        {
            // Ids only: the organisation value is not logged, it may not be an id at all.
            LogNoShelter(logger, change.State.InstanceId, kind);
            return null;
        }

        if (!shelters.TryGetValue(shelterId, out var shelter))
        {
            shelter = await db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shelterId, cancellationToken);
            shelters[shelterId] = shelter;
        }

        if (shelter is null || shelter.ContactEmails.Count == 0)
        {
            LogNoShelter(logger, change.State.InstanceId, kind);
            return null;
        }

        return new OutboxMailDraft(shelter.ContactEmails, subject, body, kind);
    }

    private string TaskBody(TaskCreated task, InstanceChange change)
    {
        var body = new StringBuilder().AppendLine(Swedish("Mail.Task.Intro", Swedish(forms.LabelOf(task.Form))));
        AppendReference(body, change);
        return body.AppendLine(Swedish("Mail.Task.Open", new Uri(app.PublicUrl, $"tasks/{task.TaskId}")))
            .AppendLine().AppendLine(Swedish("Mail.SignIn")).ToString();
    }

    /// <summary>The decision by its kind and outcome only: the reason stays on the case, which the link opens.</summary>
    private string DecisionBody(string decides, string form, string outcome, InstanceChange change)
    {
        var body = new StringBuilder().AppendLine(Swedish("Mail.Decision.Intro", Swedish(decides), Swedish(DecisionOutcome(form, outcome))));
        AppendReference(body, change);
        if (change.BusinessKeyKind == Features.Cases.CaseTaskSubjects.CaseKind && Guid.TryParse(change.BusinessKey, out var caseId))
            body.AppendLine(Swedish("Mail.Decision.Open", new Uri(app.PublicUrl, $"cases/{caseId}")));
        else if (change.BusinessKeyKind == Features.Invoicing.InvoicingNames.SubjectKind && Guid.TryParse(change.BusinessKey, out var basisId))
            body.AppendLine(Swedish("Mail.Decision.OpenInvoice", new Uri(app.PublicUrl, $"invoices/{basisId}")));
        else if (change.BusinessKeyKind == Features.Certification.CertificationNames.SubjectKind && Guid.TryParse(change.BusinessKey, out var certificationId))
            body.AppendLine(Swedish("Mail.Decision.OpenCertification", new Uri(app.PublicUrl, $"certification/{certificationId}")));
        else if (change.BusinessKeyKind == Features.Certification.RoutineCheckNames.SubjectKind && Guid.TryParse(change.BusinessKey, out var checkId))
            body.AppendLine(Swedish("RoutineCheck.MailOpen", new Uri(app.PublicUrl, Features.Certification.RoutineCheckNames.LinkOf(checkId).TrimStart('/'))));
        return body.AppendLine().AppendLine(Swedish("Mail.SignIn")).ToString();
    }

    /// <summary>
    /// The key of an outcome of <paramref name="form"/> as a decision reads it: the routine check's <c>complete</c> renews
    /// the certification, where the admission review's asks for completion.
    /// </summary>
    public static string DecisionOutcome(string form, string outcome) => (form, outcome) switch
    {
        (Forms.RoutineCheckForm.FormKey, Forms.RoutineCheckForm.Complete) => "RoutineCheck.Renewed",
        _ => DecisionOutcome(outcome),
    };

    /// <summary>The key of an outcome as a decision reads it; the outcomes of every deciding form are listed.</summary>
    public static string DecisionOutcome(string outcome) => outcome switch
    {
        "approve" => "Mail.Decision.Approved",
        "reject" => "Mail.Decision.Rejected",
        "complete" => "Mail.Decision.CompletionAsked",
        "attest" => "Mail.Decision.Attested",
        "send-back" => "Mail.Decision.SentBack",
        "accept" => "Mail.Decision.Accepted",
        "grant" => "Mail.Decision.Granted",
        _ => "Mail.Decision.Other",
    };

    private string ReminderBody(InstanceChange change)
    {
        var body = new StringBuilder().AppendLine(Swedish("Mail.Reminder.Intro"));
        AppendReference(body, change);
        return body.AppendLine(Swedish("Mail.Reminder.Tasks", new Uri(app.PublicUrl, "tasks")))
            .AppendLine().AppendLine(Swedish("Mail.SignIn")).ToString();
    }


    private string Swedish(string key, params object?[] arguments) => texts.Text(key, MessageTable.Swedish, arguments);

    /// <summary>Only a value shaped like a reference (e.g. NSP-2026-0007) is mailed, so a name put there by mistake is not.</summary>
    private void AppendReference(StringBuilder body, InstanceChange change)
    {
        if (change.State.Variables.TryGetValue(CaseReferenceVariable, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { } reference
            && ReferencePattern().IsMatch(reference))
        {
            body.AppendLine(Swedish("Mail.Reference", reference));
        }
    }

    [GeneratedRegex(@"^[A-Z]{2,10}-[0-9]{4}-[0-9]{1,8}$")]
    private static partial Regex ReferencePattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow mail of kind {Kind} for instance {InstanceId} has no shelter with contact addresses; not sent.")]
    private static partial void LogNoShelter(ILogger logger, Guid instanceId, string kind);
}

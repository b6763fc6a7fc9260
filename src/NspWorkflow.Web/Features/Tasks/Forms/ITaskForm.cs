using System.Text.Json;
using NspWorkflow.Domain;
using NspWorkflow.Web.Features.Tasks.Subjects;

namespace NspWorkflow.Web.Features.Tasks.Forms;

/// <summary>
/// A kind of task as a person sees and completes it: its outcomes (one button each), the data it carries, and the change
/// its completion makes to the task's subject before the workflow moves on. A definition names it by <see cref="Key"/>
/// (<c>nsp:form</c>). Each form is one class and, when it asks for more than a choice, one partial view; derive from
/// <see cref="TaskForm{TSubject, TData, TInput}"/>.
/// </summary>
public interface ITaskForm
{
    /// <summary>The form's name in the definitions.</summary>
    string Key { get; }

    /// <summary>The kind of business key its tasks are about (see <see cref="Subjects.ITaskSubjects"/>).</summary>
    string SubjectKind { get; }

    /// <summary>What pages and mail call a task of this form (a key of the message table), never anything about the person.</summary>
    string Label { get; }

    /// <summary>
    /// What a completion decides, as the subject's organisation is told by mail (a key of the message table, e.g. "the
    /// application for admission"); null when completing the task decides nothing another party must hear of.
    /// </summary>
    string? Decides { get; }

    /// <summary>
    /// Its tasks fall due when the subject's current period ends: the shelter's move before the end, or the coordinator's
    /// decision on it. The inbox's view of periods ending soon lists them.
    /// </summary>
    bool DueAtPeriodEnd { get; }

    /// <summary>The outcomes a completion may choose; the first is the main button.</summary>
    IReadOnlyList<string> Outcomes { get; }

    /// <summary>The partial view with the form's fields on the task page (its model is the page); null: buttons only.</summary>
    string? View { get; }

    /// <summary>What the task page binds under <c>Input</c>.</summary>
    Type InputType { get; }

    object NewInput();

    /// <summary>The input a task page starts from for <paramref name="subject"/> (a completion's form is the application as it stands).</summary>
    object NewInputFor(TaskSubject subject);

    /// <summary>
    /// The API's <c>data</c> as this form's data; a field the form does not have adds a violation of that field
    /// (a misspelt <c>data.lastDy</c>), another shape it cannot read one of <c>data</c>.
    /// </summary>
    object ReadData(JsonElement? data, JsonSerializerOptions json, List<RuleViolation> violations);

    /// <summary>The page's input as this form's data.</summary>
    object DataFrom(object input, DateOnly today);

    /// <summary>
    /// The change the completion makes to the subject, or null for none. Problems with the data's own shape are added to
    /// <paramref name="violations"/>; the subject's rules run when the change is applied.
    /// </summary>
    ValueTask<Action<object>?> PrepareAsync(TaskFormContext context, List<RuleViolation> violations, CancellationToken cancellationToken);

    /// <summary>The message table key of the label of <paramref name="field"/>, so its errors name it; null: the message alone.</summary>
    string? LabelOf(string field);

    /// <summary>
    /// The label of <paramref name="field"/> on <paramref name="subject"/>'s page; a field that is one of the subject's own
    /// items (a requirement's answer) is named by it, so the error summary says which.
    /// </summary>
    FieldLabel? LabelOf(string field, TaskSubject subject);

    /// <summary>The id of the page input a violation of <paramref name="field"/> (as the API names it, without <c>data.</c>) links to; null: the whole form.</summary>
    string? InputIdOf(string field);
}

/// <summary>
/// A completion as a form prepares it: the chosen outcome, the form's data, the instance's variables when it needs them,
/// the shelter the task's subject belongs to, if any, who completes it (as the audit names them), the subject as loaded (for a
/// form that checks it before it decides) and a way to audit what the completion confirmed (stored with the step).
/// </summary>
public sealed record TaskFormContext(
    string Outcome,
    object Data,
    Func<CancellationToken, Task<IReadOnlyDictionary<string, JsonElement>>> Variables,
    Guid? ShelterId = null,
    string? Actor = null,
    object? Subject = null,
    Action<string, string?>? Audit = null);

/// <summary>A field's label as a message table key and the values it takes.</summary>
public sealed record FieldLabel(string Key, params object[] Arguments);

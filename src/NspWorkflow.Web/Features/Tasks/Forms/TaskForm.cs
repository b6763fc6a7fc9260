using System.Text.Json;
using NspWorkflow.Domain;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.Api;

namespace NspWorkflow.Web.Features.Tasks.Forms;

/// <summary>
/// A task form on subjects of type <typeparamref name="TSubject"/>, whose completion carries <typeparamref name="TData"/>
/// (the API's <c>data</c>) and whose page binds <typeparamref name="TInput"/>. Free text goes to the subject (encrypted
/// there); only the outcome reaches the workflow's variables.
/// </summary>
public abstract class TaskForm<TSubject, TData, TInput> : ITaskForm
    where TData : class, new()
    where TInput : class, new()
{
    public abstract string Key { get; }

    public abstract string SubjectKind { get; }

    public abstract string Label { get; }

    public abstract IReadOnlyList<string> Outcomes { get; }

    public virtual string? View => null;

    public virtual string? Decides => null;

    public virtual bool DueAtPeriodEnd => false;

    public Type InputType => typeof(TInput);

    public object NewInput() => new TInput();

    public object NewInputFor(TaskSubject subject) => subject.Item is TSubject item ? InputFor(item) : new TInput();

    public object ReadData(JsonElement? data, JsonSerializerOptions json, List<RuleViolation> violations)
    {
        if (data is not { ValueKind: JsonValueKind.Object } element)
        {
            if (data is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
                violations.Add(new("data", RuleViolationCode.Invalid));
            return new TData();
        }

        try
        {
            return element.Deserialize<TData>(json) ?? new TData();
        }
        catch (JsonException exception)
        {
            // A field the form does not have (a misspelling would lose its value) or a value of the wrong kind: named by
            // its path under data, as the body's own fields are.
            violations.Add(ApiJson.ViolationOf(exception, typeof(TData), "data"));
            return new TData();
        }
    }

    public object DataFrom(object input, DateOnly today) => FromInput((TInput)input, today);

    public async ValueTask<Action<object>?> PrepareAsync(TaskFormContext context, List<RuleViolation> violations,
        CancellationToken cancellationToken) =>
        await PrepareAsync(context, (TData)context.Data, violations, cancellationToken) is { } change
            ? subject => change((TSubject)subject)
            : null;

    public virtual string? InputIdOf(string field) => null;

    public virtual string? LabelOf(string field) => null;

    public FieldLabel? LabelOf(string field, TaskSubject subject) =>
        subject.Item is TSubject item && LabelOf(field, item) is { } label ? label : LabelOf(field) is { } key ? new(key) : null;

    /// <summary>A label naming the subject's own item behind <paramref name="field"/>; null: <see cref="LabelOf(string)"/>.</summary>
    protected virtual FieldLabel? LabelOf(string field, TSubject subject) => null;

    protected abstract TData FromInput(TInput input, DateOnly today);

    /// <summary>The input a task page starts from for the subject; empty unless the form shows the subject to edit.</summary>
    protected virtual TInput InputFor(TSubject subject) => new();

    protected abstract ValueTask<Action<TSubject>?> PrepareAsync(TaskFormContext context, TData data, List<RuleViolation> violations,
        CancellationToken cancellationToken);

    /// <summary>Text the user left blank is not given.</summary>
    protected static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>A form whose page binds its data as it is.</summary>
public abstract class TaskForm<TSubject, TData> : TaskForm<TSubject, TData, TData>
    where TData : class, new()
{
    protected override TData FromInput(TData input, DateOnly today) => input;
}

/// <summary>The data of a form that carries none: a choice of outcome only.</summary>
public sealed class NoData;

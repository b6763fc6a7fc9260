using System.Security.Claims;

namespace NspWorkflow.Web.Features.Tasks.Subjects;

/// <summary>
/// What tasks of one kind of business key are about (a case, an invoice, a shelter): who may see such a subject, what it
/// is called in lists and mail, and the unit of work its forms change it in and its reads and changes are audited in.
/// The feature that owns the subject implements it; tasks know subjects only through it.
/// </summary>
public interface ITaskSubjects
{
    /// <summary>The kind, as instances and tasks store it with their business key.</summary>
    string Kind { get; }

    /// <summary>
    /// The subject, loaded into the request's unit of work for reading and changing, when <paramref name="user"/> may see it;
    /// null otherwise, exactly as for a subject that does not exist.
    /// </summary>
    Task<TaskSubject?> FindVisibleAsync(string key, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The references (pseudonymous, never about the person) of subjects, by key, for task lists.</summary>
    Task<IReadOnlyDictionary<string, string>> ReferencesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// The subject as its task pages show it, so a decision is made seeing what it decides: a partial view and its model;
    /// null to show only the reference. The caller has checked that the user may see the subject.
    /// </summary>
    Task<SubjectFile?> FileOfAsync(TaskSubject subject, CancellationToken cancellationToken);

    /// <summary>Changes the subject now and keeps the change for the step's transaction; a broken rule throws and changes nothing.</summary>
    void Change(TaskSubject subject, Action<object> change);

    /// <summary>Records who read or changed the subject; stored with the next step or <see cref="SaveAsync"/>.</summary>
    void Audit(ClaimsPrincipal user, string action, TaskSubject subject, string? detail);

    /// <summary>Stores what no workflow step stores (a read's audit entry).</summary>
    Task SaveAsync(CancellationToken cancellationToken);

    /// <summary>Drops everything the unit of work holds unsaved, after a step that stored nothing.</summary>
    void Discard();
}

/// <summary>A subject's partial view (<see cref="View"/>, a path) and the model it renders.</summary>
public sealed record SubjectFile(string View, object Model);

/// <summary>
/// A task's subject as the task pages and the completion need it. <paramref name="ShelterId"/> is the shelter it belongs
/// to (whose users do its shelter tasks), <paramref name="Item"/> the loaded subject itself, for its forms.
/// </summary>
public sealed record TaskSubject(string Kind, string Key, string Reference, string Link, Guid? ShelterId, object Item);

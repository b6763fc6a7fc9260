using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Tasks;

/// <summary>A task in a list, with its subject's reference (null when the subject is gone). Nothing about the person.</summary>
public sealed record TaskListItem(WorkflowTaskRow Task, string? SubjectReference);

/// <summary>
/// What the inbox shows (null: no limit): one form's tasks; those of some organisations (a shelter, a region's shelters);
/// those due by a time; and those nobody was handed or handed to one of <see cref="Assignees"/> (the "mine" view).
/// </summary>
public sealed record InboxFilter(string? Form = null, IReadOnlyCollection<string>? Organisations = null,
    DateTimeOffset? DueBy = null, IReadOnlyCollection<string>? Assignees = null);

/// <summary>Which tasks the API lists: by status (open, completed, cancelled; null: all) and optionally of one subject.</summary>
public sealed record TaskFilter(WaitStatus? Status, string? SubjectKind = null, string? SubjectKey = null, int Limit = 1000);

/// <summary>
/// The one read side of tasks: the user's to-do list, the coordinator's inbox and digest, the API's list and a subject's
/// open tasks all come from here, oldest first. Only tasks with a business key of a kind some feature provides are
/// listed: a task about nothing a person can see is nobody's.
/// </summary>
public sealed class TaskQueries(NspDbContext db, TaskSubjectKinds subjects)
{
    /// <summary>How many tasks a page lists.</summary>
    public const int Shown = 500;

    /// <summary>The open tasks the user is to do: the coordinator's, and a shelter user's for its own shelter.</summary>
    public async Task<IReadOnlyList<TaskListItem>> ToDoAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var coordinator = user.IsInRole(Roles.Coordinator);
        // A shelter user's tasks are its own shelter's: the organisation the task was created for.
        var shelter = user.IsInRole(Roles.Shelter) && user.ShelterId() is { } shelterId ? shelterId.ToString() : null;
        if (!coordinator && shelter is null)
            return [];
        return await ListAsync(Tasks().Where(t => t.Status == WaitStatus.Open
            && ((coordinator && t.AssigneeRole == Roles.Coordinator)
                || (shelter != null && t.AssigneeRole == Roles.Shelter && t.OrganisationId == shelter))), Shown, cancellationToken);
    }

    /// <summary>The open tasks assigned to <paramref name="role"/>: the coordinator's inbox and digest.</summary>
    public Task<IReadOnlyList<TaskListItem>> WaitingForAsync(string role, int limit, CancellationToken cancellationToken) =>
        WaitingForAsync(role, new InboxFilter(), limit, cancellationToken);

    /// <summary>
    /// The open tasks assigned to <paramref name="role"/> that <paramref name="filter"/> keeps, oldest first, after skipping
    /// <paramref name="skip"/> of them: a page of the inbox.
    /// </summary>
    public Task<IReadOnlyList<TaskListItem>> WaitingForAsync(string role, InboxFilter filter, int limit, CancellationToken cancellationToken, int skip = 0) =>
        ListAsync(Waiting(role, filter), limit, cancellationToken, skip: skip);

    /// <summary>How many open tasks of <paramref name="role"/> the filter keeps: the inbox's pages.</summary>
    public Task<int> CountWaitingAsync(string role, InboxFilter filter, CancellationToken cancellationToken) =>
        Waiting(role, filter).CountAsync(cancellationToken);

    private IQueryable<WorkflowTaskRow> Waiting(string role, InboxFilter filter)
    {
        var query = Tasks().Where(t => t.Status == WaitStatus.Open && t.AssigneeRole == role);
        if (filter.Form is { } form)
            query = query.Where(t => t.FormKey == form);
        if (filter.Organisations is { } organisations)
            query = query.Where(t => t.OrganisationId != null && organisations.Contains(t.OrganisationId));
        if (filter.DueBy is { } dueBy)
            query = query.Where(t => t.DueAt != null && t.DueAt <= dueBy);
        if (filter.Assignees is { } assignees)
            query = query.Where(t => !db.TaskAssignments.Any(a => a.TaskId == t.Id)
                || db.TaskAssignments.Any(a => a.TaskId == t.Id && assignees.Contains(a.AssignedTo)));
        return query;
    }

    /// <summary>How many open tasks of <paramref name="role"/> wait, by form: the inbox's counts per kind.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountWaitingByFormAsync(string role, CancellationToken cancellationToken) =>
        await Tasks().Where(t => t.Status == WaitStatus.Open && t.AssigneeRole == role && t.FormKey != null)
            .GroupBy(t => t.FormKey!).Select(g => new { Form = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Form, g => g.Count, cancellationToken);

    /// <summary>
    /// The oldest open task of <paramref name="role"/> other than <paramref name="except"/>, nobody's or handed to one of
    /// <paramref name="assignees"/>: what the inbox opens next.
    /// </summary>
    public async Task<Guid?> NextWaitingForAsync(string role, Guid except, IReadOnlyCollection<string> assignees, CancellationToken cancellationToken) =>
        await Waiting(role, new InboxFilter(Assignees: assignees)).Where(t => t.Id != except)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The open tasks of <paramref name="forms"/> (those due when a period ends) due by <paramref name="dueBy"/>, overdue
    /// ones included, soonest first: the periods ending soon, and whose move it is.
    /// </summary>
    public Task<IReadOnlyList<TaskListItem>> DueByAsync(IReadOnlyCollection<string> forms, DateTimeOffset dueBy, int limit, CancellationToken cancellationToken) =>
        ListAsync(Tasks().Where(t => t.Status == WaitStatus.Open && t.FormKey != null && forms.Contains(t.FormKey) && t.DueAt != null && t.DueAt <= dueBy),
            limit, cancellationToken, byDue: true);

    /// <summary>The tasks of the filter the user may see: a shelter user only its own shelter's.</summary>
    public Task<IReadOnlyList<TaskListItem>> ListAsync(TaskFilter filter, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = Tasks();
        if (filter.Status is { } status)
            query = query.Where(t => t.Status == status);
        if (filter.SubjectKind is { } kind && filter.SubjectKey is { } key)
            query = query.Where(t => t.BusinessKeyKind == kind && t.BusinessKey == key);
        if (user.OnlyShelter() is { } shelterId)
        {
            var organisation = shelterId.ToString();
            query = query.Where(t => t.OrganisationId == organisation);
        }

        return ListAsync(query, filter.Limit, cancellationToken);
    }

    /// <summary>The open tasks of one subject (its page lists them); the caller has checked that the user may see it.</summary>
    public async Task<IReadOnlyList<WorkflowTaskRow>> OpenOfAsync(string kind, string key, CancellationToken cancellationToken) =>
        await db.WorkflowTasks.AsNoTracking()
            .Where(t => t.BusinessKeyKind == kind && t.BusinessKey == key && t.Status == WaitStatus.Open)
            .OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);

    private IQueryable<WorkflowTaskRow> Tasks()
    {
        var kinds = subjects.All.Select(s => s.Kind).ToList();
        return db.WorkflowTasks.AsNoTracking().Where(t => t.BusinessKey != null && t.BusinessKeyKind != null && kinds.Contains(t.BusinessKeyKind));
    }

    private async Task<IReadOnlyList<TaskListItem>> ListAsync(IQueryable<WorkflowTaskRow> query, int limit, CancellationToken cancellationToken,
        bool byDue = false, int skip = 0)
    {
        // The id settles ties, so a page boundary never repeats or drops a task created in the same instant.
        var ordered = byDue ? query.OrderBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id) : query.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id);
        var rows = await (skip > 0 ? ordered.Skip(skip) : ordered).Take(limit).ToListAsync(cancellationToken);
        var references = new Dictionary<(string, string), string>();
        foreach (var group in rows.GroupBy(t => t.BusinessKeyKind!))
        {
            var found = await subjects.Find(group.Key)!.ReferencesAsync([.. group.Select(t => t.BusinessKey!).Distinct()], cancellationToken);
            foreach (var (key, reference) in found)
                references[(group.Key, key)] = reference;
        }

        return [.. rows.Select(t => new TaskListItem(t, references.GetValueOrDefault((t.BusinessKeyKind!, t.BusinessKey!))))];
    }
}

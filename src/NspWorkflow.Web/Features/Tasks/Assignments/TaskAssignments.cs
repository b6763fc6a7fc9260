using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Tasks;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Tasks.Assignments;

/// <summary>Who an open coordinator task was handed to, by whom and when.</summary>
public sealed record TaskAssignment(Guid TaskId, string AssignedTo, string AssignedToName, string AssignedBy, DateTimeOffset AssignedAt);

public enum HandOverStatus
{
    Done,
    /// <summary>No open coordinator task of that id.</summary>
    NotFound,
    /// <summary>The colleague named is not a coordinator the app knows.</summary>
    UnknownCoordinator,
    /// <summary>Someone handed it over (or took it back) since the page was read; <see cref="HandOverResult.Current"/> says to whom.</summary>
    Conflict,
}

/// <summary>What the task page offers: who has the item now (null: nobody) and the colleagues it may go to.</summary>
public sealed record HandOverChoice(TaskAssignment? Current, IReadOnlyList<Coordinator> Colleagues);

public sealed record HandOverResult(HandOverStatus Status, TaskAssignment? Current = null);

/// <summary>
/// Hand-overs of coordinator tasks. An assignment directs, it does not lock: any coordinator may still decide the item,
/// and the inbox's "mine" view is what it changes (see <see cref="InboxFilter"/>). Two hand-overs of one item from pages
/// read at the same moment give one winner; the other is told who has it now.
/// </summary>
public sealed class TaskAssignments(NspDbContext db, CoordinatorDirectory coordinators, TimeProvider time)
{
    public async Task<TaskAssignment?> OfAsync(Guid taskId, CancellationToken cancellationToken) =>
        await db.TaskAssignments.AsNoTracking().Where(a => a.TaskId == taskId)
            .Select(a => new TaskAssignment(a.TaskId, a.AssignedTo, a.AssignedToName, a.AssignedBy, a.AssignedAt))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The task's assignment and the coordinators other than the one it is with (the user may take it back).</summary>
    public async Task<HandOverChoice> ChoiceAsync(Guid taskId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var current = await OfAsync(taskId, cancellationToken);
        var all = await coordinators.ListAsync(cancellationToken);
        return new(current, [.. all.Where(c => c.Subject != current?.AssignedTo)]);
    }

    /// <summary>The assignments of the listed tasks, by task (one query for a page).</summary>
    public async Task<IReadOnlyDictionary<Guid, TaskAssignment>> OfAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken cancellationToken) =>
        taskIds.Count == 0 ? new Dictionary<Guid, TaskAssignment>()
            : await db.TaskAssignments.AsNoTracking().Where(a => taskIds.Contains(a.TaskId))
                .Select(a => new TaskAssignment(a.TaskId, a.AssignedTo, a.AssignedToName, a.AssignedBy, a.AssignedAt))
                .ToDictionaryAsync(a => a.TaskId, cancellationToken);

    /// <summary>
    /// Hands the open task to <paramref name="to"/>; <paramref name="expectedAssignee"/> is who had it when the page was read
    /// (empty: nobody), so a hand-over made meanwhile is not silently replaced.
    /// </summary>
    public async Task<HandOverResult> HandOverAsync(Guid taskId, string? to, string? expectedAssignee, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var open = await db.WorkflowTasks.AsNoTracking()
            .AnyAsync(t => t.Id == taskId && t.Status == WaitStatus.Open && t.AssigneeRole == Roles.Coordinator, cancellationToken);
        if (!open)
            return new(HandOverStatus.NotFound);
        if (await coordinators.FindAsync(to, cancellationToken) is not { } colleague)
            return new(HandOverStatus.UnknownCoordinator);

        var row = await db.TaskAssignments.SingleOrDefaultAsync(a => a.TaskId == taskId, cancellationToken);
        if ((row?.AssignedTo ?? "") != (expectedAssignee ?? ""))
            return new(HandOverStatus.Conflict, row is null ? null : ToAssignment(row));
        if (row is null)
            db.TaskAssignments.Add(row = new TaskAssignmentRow { TaskId = taskId });
        row.AssignedTo = colleague.Subject;
        row.AssignedToName = colleague.Name;
        row.AssignedBy = user.Actor();
        row.AssignedAt = time.GetUtcNow();
        row.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another hand-over of the same item committed first (a second insert of its key, or the version moved).
            db.ChangeTracker.Clear();
            return new(HandOverStatus.Conflict, await OfAsync(taskId, cancellationToken));
        }

        return new(HandOverStatus.Done, ToAssignment(row));
    }

    private static TaskAssignment ToAssignment(TaskAssignmentRow row) =>
        new(row.TaskId, row.AssignedTo, row.AssignedToName, row.AssignedBy, row.AssignedAt);
}

using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// The store's hot reads, compiled once per host: a resume runs them on every step, and a compiled query skips EF's
/// per-call query-cache lookup. A compiled query binds to the first model it runs with, so this is a singleton of the
/// host's container, not static (a test process runs hosts on several providers).
/// </summary>
public sealed class InstanceQueries
{
    /// <summary>The instance's state JSON; null when there is no such instance.</summary>
    public Func<NspDbContext, Guid, CancellationToken, Task<string?>> StateJson { get; } =
        EF.CompileAsyncQuery((NspDbContext db, Guid instanceId, CancellationToken _) =>
            db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.StateJson).FirstOrDefault());

    /// <summary>A task row with its instance's state JSON when the task is open, in one round trip (a left join).</summary>
    public Func<NspDbContext, Guid, CancellationToken, Task<TaskRow?>> TaskWithState { get; } =
        EF.CompileAsyncQuery((NspDbContext db, Guid taskId, CancellationToken _) =>
            (from t in db.WorkflowTasks.AsNoTracking()
             where t.Id == taskId
             join i in db.WorkflowInstances.AsNoTracking() on t.InstanceId equals i.Id into instances
             from i in instances.DefaultIfEmpty()
             select new TaskRow(t.Id, t.InstanceId, t.NodeId, t.Status,
                 t.Status == WaitStatus.Open && i != null ? i.StateJson : null))
            .FirstOrDefault());

    public sealed record TaskRow(Guid Id, Guid InstanceId, string NodeId, WaitStatus Status, string? StateJson);
}

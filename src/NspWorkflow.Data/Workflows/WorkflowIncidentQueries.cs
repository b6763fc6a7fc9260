using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// An open incident as an administrator sees it: where the instance stopped and the engine's message (which names
/// elements, never variable values). <see cref="At"/> is when it was (last) raised.
/// </summary>
public sealed record OpenIncident(Guid Id, Guid InstanceId, string ProcessId, string ElementId, string Message, DateTimeOffset At);

/// <summary>An instance's status and how many incidents it still has open, e.g. right after a retry.</summary>
public sealed record InstanceIncidentStatus(Guid InstanceId, InstanceStatus Status, int OpenIncidents);

/// <summary>Read side of incidents for the administrator's list and retry; writes stay with the engine's store.</summary>
public sealed class WorkflowIncidentQueries(NspDbContext db)
{
    /// <summary>
    /// Open incidents, newest first, at most <paramref name="limit"/>. A retry that fails again at the same element
    /// adds a row beside the old one (both resolve together), so each (instance, token, element) is shown once.
    /// </summary>
    public async Task<IReadOnlyList<OpenIncident>> ListOpenAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await (
                from incident in db.WorkflowIncidents.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on incident.InstanceId equals instance.Id
                where incident.ResolvedAt == null
                orderby incident.At descending, incident.Id descending
                select new { incident.Id, incident.InstanceId, incident.TokenId, instance.ProcessId, incident.ElementId, incident.Message, incident.At })
            // Room for repeats, which are dropped below.
            .Take(limit * 4)
            .ToListAsync(cancellationToken);

        return rows
            .DistinctBy(r => (r.InstanceId, r.TokenId, r.ElementId))
            .Take(limit)
            .Select(r => new OpenIncident(r.Id, r.InstanceId, r.ProcessId, r.ElementId, r.Message, r.At))
            .ToList();
    }

    /// <summary>The instance's status and open incident count; null when there is no such instance.</summary>
    public async Task<InstanceIncidentStatus?> StatusAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var status = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => (InstanceStatus?)i.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null)
            return null;
        var open = await db.WorkflowIncidents.AsNoTracking()
            .Where(i => i.InstanceId == instanceId && i.ResolvedAt == null)
            .Select(i => new { i.TokenId, i.ElementId })
            .Distinct()
            .CountAsync(cancellationToken);
        return new InstanceIncidentStatus(instanceId, status.Value, open);
    }
}

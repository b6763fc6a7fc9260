using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>
/// One version of a process as the administrator's list shows it: who saved and who published it (from the audit log;
/// null for the versions seeded from <c>workflows/</c> at start-up) and how many instances run on it.
/// </summary>
public sealed record WorkflowVersionEntry(int Version, DefinitionStatus Status, DateTimeOffset CreatedAt, string? SavedBy,
    DateTimeOffset? PublishedAt, string? PublishedBy, int Running);

/// <summary>The versions of a process, newest first, for /designer/{processId}/versions.</summary>
public sealed class WorkflowVersionHistory(NspDbContext db, DefinitionCatalog catalog)
{
    public async Task<IReadOnlyList<WorkflowVersionEntry>> ListAsync(string processId, CancellationToken cancellationToken)
    {
        var versions = await catalog.ListVersionsAsync(processId, cancellationToken);
        if (versions.Count == 0)
            return [];

        var running = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.ProcessId == processId && i.Status == InstanceStatus.Running)
            .GroupBy(i => i.DefinitionVersion)
            .Select(g => new { Version = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Version, g => g.Count, cancellationToken);

        // The edits write "{processId} version {n}"; the first entry of each kind is who did it (a later save of the same
        // content finds the version already stored).
        var prefix = $"{processId} version ";
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.Action == WorkflowDefinitionEdits.SavedAction || a.Action == WorkflowDefinitionEdits.PublishedAction)
                && a.Detail != null && a.Detail.StartsWith(prefix))
            .Select(a => new { a.Action, a.Detail, a.Actor, a.At })
            .ToListAsync(cancellationToken);
        string? ActorOf(string action, int version) => audited
            .Where(a => a.Action == action && a.Detail == prefix + version)
            .OrderBy(a => a.At).Select(a => a.Actor).FirstOrDefault();

        return [.. versions.OrderByDescending(v => v.Version).Select(v => new WorkflowVersionEntry(v.Version, v.Status, v.CreatedAt,
            ActorOf(WorkflowDefinitionEdits.SavedAction, v.Version), v.PublishedAt, ActorOf(WorkflowDefinitionEdits.PublishedAction, v.Version),
            running.GetValueOrDefault(v.Version)))];
    }
}

using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Definitions;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// <see cref="IDefinitionStore"/> on the product's database. Version numbers are the table's key, so concurrent
/// saves never share one (a save that loses retries with the next number); publishing moves the process's head row
/// under a concurrency token, so of two concurrent publishes one wins and the other learns which version won.
/// </summary>
public sealed class EfDefinitionStore(NspDbContext db, DefinitionQueries queries) : IDefinitionStore
{
    private const int SaveAttempts = 5;

    public async Task<DefinitionVersion?> GetLatestPublishedAsync(string processId, CancellationToken cancellationToken = default)
    {
        var row = await queries.LatestPublished(db, processId, cancellationToken);
        return row?.ToVersion();
    }

    public async Task<DefinitionVersion?> GetAsync(string processId, int version, CancellationToken cancellationToken = default)
    {
        var row = await db.WorkflowDefinitionVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.ProcessId == processId && v.Version == version, cancellationToken);
        return row?.ToVersion();
    }

    public async Task<IReadOnlyList<DefinitionVersionInfo>> ListVersionsAsync(string processId, CancellationToken cancellationToken = default) =>
        await db.WorkflowDefinitionVersions.AsNoTracking()
            .Where(v => v.ProcessId == processId)
            .OrderByDescending(v => v.Version)
            .Select(v => new DefinitionVersionInfo(v.ProcessId, v.Version, v.Status, v.Name, v.CreatedAt, v.PublishedAt, v.ContentHash))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.WorkflowDefinitionVersions.AsNoTracking()
            .Select(v => new { v.ProcessId, v.Version, v.Status, v.Name })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ProcessId, StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = g.Where(r => r.Status == DefinitionStatus.Published).Max(r => (int?)r.Version);
                var drafts = g.Count(r => r.Status == DefinitionStatus.Draft && r.Version > (latest ?? 0));
                var name = g.Where(r => latest is null || r.Version == latest).MaxBy(r => r.Version)!.Name;
                return new DefinitionSummary(g.Key, name, latest, drafts);
            })
            .OrderBy(s => s.ProcessId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One read: each process's head row (the latest published version) with that version's row.</summary>
    public async Task<IReadOnlyList<DefinitionVersionInfo>> ListLatestPublishedAsync(CancellationToken cancellationToken = default) =>
        await db.WorkflowDefinitionHeads.AsNoTracking()
            .Join(db.WorkflowDefinitionVersions.AsNoTracking(),
                h => new { h.ProcessId, Version = h.LatestPublishedVersion }, v => new { v.ProcessId, v.Version }, (_, v) => v)
            .OrderBy(v => v.ProcessId)
            .Select(v => new DefinitionVersionInfo(v.ProcessId, v.Version, v.Status, v.Name, v.CreatedAt, v.PublishedAt, v.ContentHash))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DefinitionVersion>> AddDraftsAsync(IReadOnlyList<NewDraft> drafts, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var rows = new List<WorkflowDefinitionVersionRow>();
            foreach (var draft in drafts)
            {
                var last = await db.WorkflowDefinitionVersions.Where(v => v.ProcessId == draft.ProcessId)
                    .MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
                rows.Add(new WorkflowDefinitionVersionRow
                {
                    ProcessId = draft.ProcessId,
                    Version = last + 1,
                    Status = DefinitionStatus.Draft,
                    Name = draft.Name,
                    Xml = draft.Xml,
                    ContentHash = draft.ContentHash,
                    CreatedAt = draft.CreatedAt,
                });
            }

            db.WorkflowDefinitionVersions.AddRange(rows);
            try
            {
                // One SaveChanges is one transaction: every process of the file, or none.
                await db.SaveChangesAsync(cancellationToken);
                return rows.Select(r => r.ToVersion()).ToList();
            }
            catch (DbUpdateException) when (attempt < SaveAttempts)
            {
                // Another save took one of these numbers in the meantime: take the next ones.
                foreach (var row in rows)
                    db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    public async Task<StorePublishOutcome> PublishAsync(string processId, int version, DateTimeOffset publishedAt, CancellationToken cancellationToken = default)
    {
        var row = await db.WorkflowDefinitionVersions
            .SingleOrDefaultAsync(v => v.ProcessId == processId && v.Version == version, cancellationToken);
        if (row is null)
            return new StorePublishOutcome.NotFound();

        var head = await db.WorkflowDefinitionHeads.SingleOrDefaultAsync(h => h.ProcessId == processId, cancellationToken);
        if (head is not null && head.LatestPublishedVersion >= version)
            return new StorePublishOutcome.Outdated(head.LatestPublishedVersion);

        var before = head?.LatestPublishedVersion;
        if (head is null)
        {
            head = new WorkflowDefinitionHead { ProcessId = processId };
            db.WorkflowDefinitionHeads.Add(head);
        }
        head.LatestPublishedVersion = version;
        head.PublishedAt = publishedAt;
        row.Status = DefinitionStatus.Published;
        row.PublishedAt = publishedAt;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new StorePublishOutcome.Published(row.ToVersion());
        }
        catch (DbUpdateException)
        {
            // Either the head moved (concurrency token) or another first publish created it (key): someone else won.
            db.ChangeTracker.Clear();
            var winner = await db.WorkflowDefinitionHeads.AsNoTracking()
                .SingleOrDefaultAsync(h => h.ProcessId == processId, cancellationToken);
            if (winner is null || winner.LatestPublishedVersion == before)
                throw;
            return new StorePublishOutcome.Outdated(winner.LatestPublishedVersion);
        }
    }
}

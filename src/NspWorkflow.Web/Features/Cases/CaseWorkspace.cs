using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Cases;
using NspWorkflow.Data.Reports;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Budget;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>
/// The cases one request or job works on, shared by the API and the service-task handlers of the workflow steps it
/// runs, and written into the step's one transaction (it is an <see cref="IStepEffectHandler"/>). A step that loses a
/// race is run again from a fresh load (the store clears the unit of work): the workspace then reloads its cases and
/// replays the API's changes, so nothing of the losing attempt is stored and nothing the caller asked for is lost.
/// </summary>
public sealed class CaseWorkspace(CaseStore store, CaseCommitments commitments, NspDbContext db, TimeProvider time) : IStepEffectHandler
{
    private readonly Dictionary<Guid, Entry> entries = [];
    private readonly List<AuditEntry> audit = [];

    public CaseStore Store => store;

    /// <summary>Drops a case this unit of work added but could not store (its reference was taken).</summary>
    public void Forget(Guid id)
    {
        entries.Remove(id);
        audit.RemoveAll(a => a.CaseId == id);
    }

    /// <summary>
    /// Drops everything this unit of work holds unsaved, after a step the engine refused (it stored nothing): the caller's
    /// changes, the audit entries, and what service-task handlers changed before the refusal. Without this a later save
    /// in the same request would store half of what the refused step meant to. Cases load afresh afterwards.
    /// </summary>
    public void Discard()
    {
        entries.Clear();
        audit.Clear();
        db.ChangeTracker.Clear();
    }

    /// <summary>Loads a case for the caller (tracked); null when there is none.</summary>
    public async Task<Case?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (entries.TryGetValue(id, out var entry) && !IsStale(entry))
            return entry.Case;
        var found = await store.FindAsync(id, cancellationToken);
        return found is { } f ? Track(id, f, entry).Case : null;
    }

    /// <summary>Adds a newly opened case; it is stored with the next step (or <see cref="SaveAsync"/>).</summary>
    public void Add(Case @case)
    {
        var row = store.Add(@case, time.GetUtcNow());
        entries[@case.Id] = new Entry(row, @case) { Dirty = false, IsNew = true };
    }

    /// <summary>
    /// Changes a loaded case now (a broken rule throws before anything changes) and remembers the change, to apply it
    /// again if the step must be re-run.
    /// </summary>
    public void Change(Guid id, Action<Case> change)
    {
        var entry = entries[id];
        try
        {
            change(entry.Case);
        }
        catch
        {
            // A refused change may have left the loaded case half-changed (one rule held, the next did not): start again
            // from the stored row and the changes that held.
            Track(id, (entry.Row, store.Restore(entry.Row)), entry).IsNew = entry.IsNew;
            throw;
        }

        entry.Changes.Add(change);
        entry.Dirty = true;
    }

    /// <summary>The case for a service-task handler, which may change it; loaded synchronously when the caller did not.</summary>
    public Case Get(Guid id)
    {
        entries.TryGetValue(id, out var entry);
        if (entry is null || IsStale(entry))
        {
            (CaseRow Row, Case Case)? loaded;
            try
            {
                loaded = store.Find(id);
            }
            catch (CaseErasedException)
            {
                // An incident for an administrator rather than a step on a case whose facts are gone.
                throw new ServiceTaskRefusedException("The case's personal data was erased at the end of its retention period; it takes no more steps.");
            }

            var found = loaded ?? throw new ServiceTaskRefusedException("The workflow names a case that does not exist.");
            entry = Track(id, found, entry);
        }

        entry.Dirty = true;
        return entry.Case;
    }

    /// <summary>Records who read or changed a case; stored with the next step or <see cref="SaveAsync"/>.</summary>
    public void Audit(string actor, string action, Case? @case, string? detail = null) =>
        audit.Add(AuditEntry.Create(time.GetUtcNow(), actor, action, detail, @case?.Id, @case?.Reference));

    /// <summary>Stores what no workflow step stores (a read's audit entry).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Committed();
    }

    public Task BeforeSaveAsync(StepCommit commit, CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    public void AfterSave(StepCommit commit) => Committed();

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, entry) in entries.ToList())
        {
            var current = entry;
            if (IsStale(entry))
            {
                if (entry.IsNew)
                {
                    // Cleared after a lost race: the new case goes in again with the re-run, with its report rows.
                    db.Cases.Add(entry.Row);
                    CaseReportFacts.Add(db, entry.Case);
                    continue;
                }

                if (!entry.Dirty)
                    continue;
                var found = await store.FindAsync(id, cancellationToken)
                    ?? throw new InvalidOperationException("A case changed in this step no longer exists.");
                current = Track(id, found, entry);
            }

            if (current.Dirty)
            {
                store.Write(current.Row, current.Case, time.GetUtcNow());
                // The budget's rows change with the case, in the same step.
                await commitments.WriteAsync(current.Case, cancellationToken);
                // So do the rows the reports count.
                await CaseReportFacts.WriteAsync(db, current.Case, cancellationToken);
            }
        }

        foreach (var entry in audit.Where(a => db.Entry(a).State == EntityState.Detached))
            db.AuditEntries.Add(entry);
    }

    private void Committed()
    {
        audit.Clear();
        foreach (var entry in entries.Values)
        {
            entry.Dirty = false;
            entry.IsNew = false;
            entry.Changes.Clear();
        }
    }

    private bool IsStale(Entry entry) => db.Entry(entry.Row).State == EntityState.Detached;

    /// <summary>Tracks a freshly loaded case, replaying the caller's changes of a previous attempt.</summary>
    private Entry Track(Guid id, (CaseRow Row, Case Case) found, Entry? previous)
    {
        var entry = new Entry(found.Row, found.Case);
        if (previous is not null)
        {
            foreach (var change in previous.Changes)
                change(entry.Case);
            entry.Changes.AddRange(previous.Changes);
            entry.Dirty = previous.Changes.Count > 0;
        }

        entries[id] = entry;
        return entry;
    }


    private sealed record Entry(CaseRow Row, Case Case)
    {
        public List<Action<Case>> Changes { get; } = [];
        public bool Dirty { get; set; }
        public bool IsNew { get; set; }
    }
}

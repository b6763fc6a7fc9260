using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Cases;

namespace NspWorkflow.Web.Features.Retention;

/// <summary>
/// Erases one closed case's personal data, in one transaction: the encrypted case file (the person's facts, needs
/// assessments, reasons, reports, point interventions' descriptions), its comments, the variables of its workflow
/// instances (they carry what forms submitted) and the data of its tasks, and its receipts' files. What the reports and the
/// money count stays: the case row's plain columns (reference, shelter, status, outcome, dates), the commitment rows, the
/// invoice lines, the audit entries (names of things, never case data) and the per-case report facts (Data/Reports, not
/// personal: age band, gender, country, forms of exploitation, children counts), which erasure never touches. The mail
/// the case sent names only its reference and a link, so it stays too. A workflow of the case still running is ended, its
/// open tasks cancelled (they could never be done). The row is marked <c>ErasedAt</c>, so a second run
/// finds nothing and every page can say "erased" rather than fail.
/// </summary>
public sealed class CaseErasure(NspDbContext db, CaseFileProtector files, ReceiptStore receipts, TimeProvider time)
{
    public const string Actor = "retention-job";
    public const string ErasedAction = "case.erased";

    /// <summary>True when this call erased the case; false when it was erased already, is not closed, or changed meanwhile.</summary>
    public async Task<bool> EraseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (row is null || row.ErasedAt is not null || row.Status != CaseStatus.Closed)
            return false;

        var now = time.GetUtcNow();
        var pointInterventions = PointInterventionsOf(row.ProtectedData);
        row.ProtectedData = "";
        row.ErasedAt = now;
        // A step that loaded the case before now loses against its version and finds it erased when it runs again.
        row.Version = Guid.NewGuid();

        await db.CaseComments.Where(c => c.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
        var instances = await InstancesOfAsync(caseId.ToString(), cancellationToken);
        var ended = new List<Guid>();
        foreach (var instance in instances)
        {
            if (Erase(instance, now))
                ended.Add(instance.Id);
        }
        var instanceIds = instances.Select(i => i.Id).ToList();
        await db.WorkflowTasks.Where(t => instanceIds.Contains(t.InstanceId) && t.DataJson != null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.DataJson, (string?)null), cancellationToken);
        await EndWaitsAsync(ended, now, cancellationToken);

        db.AuditEntries.Add(AuditEntry.Create(now, Actor, ErasedAction, null, row.Id, row.Reference));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A workflow step changed the case or an instance meanwhile: nothing is stored, the next run erases it.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }

        // Files take no part in the transaction: removed before the commit, so a failed commit leaves the case to be erased
        // again (a missing receipt is no error), never a committed erasure with its receipts left behind.
        foreach (var id in pointInterventions)
            receipts.Delete(id);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>The point interventions whose receipts to remove; none when the file cannot be read (its keys are gone).</summary>
    private List<Guid> PointInterventionsOf(string protectedData)
    {
        try
        {
            return [.. files.Unprotect(protectedData).PointInterventions.Select(p => p.Id)];
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or System.Text.Json.JsonException)
        {
            return [];
        }
    }

    /// <summary>The case's instances and the processes they called (these may carry the business key or only their parent).</summary>
    private async Task<List<WorkflowInstanceRow>> InstancesOfAsync(string key, CancellationToken cancellationToken)
    {
        var found = await db.WorkflowInstances.Where(i => i.BusinessKeyKind == CaseTaskSubjects.CaseKind && i.BusinessKey == key)
            .ToListAsync(cancellationToken);
        var parents = found.Select(i => i.Id).ToList();
        while (parents.Count > 0)
        {
            var children = await db.WorkflowInstances.Where(i => i.ParentInstanceId != null && parents.Contains(i.ParentInstanceId.Value))
                .ToListAsync(cancellationToken);
            children.RemoveAll(c => found.Any(f => f.Id == c.Id));
            found.AddRange(children);
            parents = [.. children.Select(c => c.Id)];
        }
        return found;
    }

    /// <summary>
    /// Empties the instance's variables, keeping where it stands; an instance still running (a closed case's note of MMM
    /// never done, say) is ended as the engine ends a cancelled call, since no step could run on an erased case. A new
    /// sequence, so a step that loaded it before loses (as against any other step) rather than writing it back. True when
    /// it was ended here.
    /// </summary>
    private bool Erase(WorkflowInstanceRow instance, DateTimeOffset now)
    {
        var state = InstanceStateJson.Deserialize(instance.StateJson);
        var running = state.Status is InstanceStatus.Running or InstanceStatus.Incident;
        if (state.Variables.IsEmpty && !running)
            return false;
        var erased = state with { Variables = state.Variables.Clear(), Sequence = state.Sequence + 1 };
        if (running)
        {
            erased = erased with { Status = InstanceStatus.Terminated, Tokens = [], Tasks = [], Timers = [], Messages = [], Children = [], Incidents = [] };
            instance.Status = InstanceStatus.Terminated;
            instance.UpdatedAt = now;
            db.WorkflowJournal.AddRange(state.Tokens.Select(t => new WorkflowJournalRow
            {
                InstanceId = instance.Id, At = now, TokenId = t.Id, NodeId = t.NodeId, Kind = JournalKind.Cancelled,
                Detail = "The case's personal data was erased.", Actor = Actor,
            }));
        }
        instance.StateJson = InstanceStateJson.Serialize(erased);
        instance.Sequence = erased.Sequence;
        return running;
    }

    /// <summary>The open tasks, pending timers, subscriptions and open incidents of the instances ended here.</summary>
    private async Task EndWaitsAsync(List<Guid> ended, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ended.Count == 0)
            return;
        await db.WorkflowTasks.Where(t => ended.Contains(t.InstanceId) && t.Status == WaitStatus.Open)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, WaitStatus.Cancelled), cancellationToken);
        await db.WorkflowTimers.Where(t => ended.Contains(t.InstanceId) && t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, TimerStatus.Cancelled), cancellationToken);
        await db.WorkflowMessageSubscriptions.Where(m => ended.Contains(m.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.WorkflowIncidents.Where(i => ended.Contains(i.InstanceId) && i.ResolvedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ResolvedAt, now), cancellationToken);
    }
}

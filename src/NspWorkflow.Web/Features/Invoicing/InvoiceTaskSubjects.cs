using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Web.Features.Tasks.Subjects;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>
/// Invoice bases as the subjects of tasks (kind <see cref="InvoicingNames.SubjectKind"/>, the basis id): the coordinator's
/// attestation shows the basis's lines and sums on the decision page; a change is made to the tracked basis and stored with
/// the step (its version token gives one winner).
/// </summary>
public sealed class InvoiceTaskSubjects(NspDbContext db, InvoiceBases bases, InvoiceLineTexts texts, TimeProvider time) : ITaskSubjects
{
    public string Kind => InvoicingNames.SubjectKind;

    public async Task<TaskSubject?> FindVisibleAsync(string key, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id) || await bases.FindVisibleAsync(id, user, cancellationToken) is not { } basis)
            return null;
        return new TaskSubject(Kind, key, await bases.ReferenceAsync(basis, cancellationToken), $"/invoices/{basis.Id}", basis.ShelterId, basis);
    }

    public async Task<IReadOnlyDictionary<string, string>> ReferencesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var ids = keys.Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).Distinct().ToList();
        var rows = await db.InvoiceBases.AsNoTracking().Where(b => ids.Contains(b.Id))
            .Join(db.Shelters, b => b.ShelterId, s => s.Id, (b, s) => new { b.Id, b.Month, s.Name })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id.ToString(), r => InvoicingNames.ReferenceOf(InvoiceMonth.FromNumber(r.Month), r.Name));
    }

    public async Task<SubjectFile?> FileOfAsync(TaskSubject subject, CancellationToken cancellationToken)
    {
        var basis = (InvoiceBasisRow)subject.Item;
        return new("/Features/Invoicing/Pages/_InvoiceBasis.cshtml", await InvoiceBasisView.BuildAsync(db, basis, texts, cancellationToken));
    }

    public void Change(TaskSubject subject, Action<object> change)
    {
        var basis = (InvoiceBasisRow)subject.Item;
        change(basis);
        basis.Version = Guid.NewGuid();
    }

    /// <summary>Tracked in the unit of work: stored with the step, or by <see cref="SaveAsync"/> after a read.</summary>
    public void Audit(ClaimsPrincipal user, string action, TaskSubject subject, string? detail)
    {
        db.AuditEntries.Add(AuditEntry.Create(time.GetUtcNow(), user.Actor(), action,
            $"invoice {InvoiceMonth.FromNumber(((InvoiceBasisRow)subject.Item).Month)}{(detail is null ? "" : ": " + detail)}"));
    }

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public void Discard() => db.ChangeTracker.Clear();
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>A basis in a list: its shelter by name, its month, where it stands and its sum.</summary>
public sealed record InvoiceBasisItem(Guid Id, string ShelterName, InvoiceMonth Month, InvoiceBasisStatus Status, decimal Total,
    string? InvoiceNumber, DateTimeOffset? DecidedAt);

/// <summary>What submitting an invoice gave.</summary>
public abstract record InvoiceSubmitResult
{
    public sealed record Submitted : InvoiceSubmitResult;

    public sealed record NotFound : InvoiceSubmitResult;

    /// <summary>Broken rules by field (<c>invoiceNumber</c>, <c>invoiceFile</c>, <c>status</c>).</summary>
    public sealed record Refused(IReadOnlyList<RuleViolation> Violations) : InvoiceSubmitResult;

    /// <summary>Someone changed the basis at the same moment; nothing was stored.</summary>
    public sealed record Conflict : InvoiceSubmitResult;
}

/// <summary>
/// The invoice bases as the people see them: a shelter its own only, the coordinator and the administrator all; the
/// shelter submits its invoice for a basis, which starts the coordinator's attestation (<see cref="InvoicingNames.Process"/>)
/// in the same transaction.
/// </summary>
public sealed class InvoiceBases(NspDbContext db, ReceiptStore files, WorkflowEngine engine, TimeProvider time)
{
    public const int MaxFileBytes = ReceiptStore.MaxBytes;

    /// <summary>The bases the user may see, newest month first; <paramref name="status"/> narrows them.</summary>
    public async Task<IReadOnlyList<InvoiceBasisItem>> ListAsync(ClaimsPrincipal user, InvoiceBasisStatus? status, CancellationToken cancellationToken)
    {
        var query = db.InvoiceBases.AsNoTracking();
        if (user.OnlyShelter() is { } shelterId)
            query = query.Where(b => b.ShelterId == shelterId);
        if (status is { } wanted)
            query = query.Where(b => b.Status == wanted);
        var rows = await query.OrderByDescending(b => b.Month).ThenBy(b => b.Id).Take(500)
            .Join(db.Shelters, b => b.ShelterId, s => s.Id, (b, s) => new { b.Id, s.Name, b.Month, b.Status, b.Total, b.InvoiceNumber, b.DecidedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new InvoiceBasisItem(r.Id, r.Name, InvoiceMonth.FromNumber(r.Month), r.Status, r.Total, r.InvoiceNumber, r.DecidedAt))
            .OrderByDescending(r => r.Month).ThenBy(r => r.ShelterName, StringComparer.CurrentCulture)];
    }

    /// <summary>The basis with its lines, tracked, when the user may see it; null otherwise, as for one that does not exist.</summary>
    public async Task<InvoiceBasisRow?> FindVisibleAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var basis = await db.InvoiceBases.Include(b => b.Lines).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return basis is not null && user.MayWorkForShelter(basis.ShelterId) ? basis : null;
    }

    /// <summary>
    /// The shelter's invoice for the basis: its number and its file (a PDF, at most <see cref="MaxFileBytes"/>), stored
    /// encrypted like receipts; the basis is then submitted and the coordinator's attestation starts, in one transaction.
    /// Possible while the basis is ready or sent back; only for a user of the basis's shelter.
    /// </summary>
    public async Task<InvoiceSubmitResult> SubmitAsync(Guid id, string? invoiceNumber, byte[]? file, Guid expectedVersion, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var basis = await db.InvoiceBases.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (basis is null || !user.IsShelterOf(basis.ShelterId))
            return new InvoiceSubmitResult.NotFound();

        var violations = new List<RuleViolation>();
        var number = invoiceNumber?.Trim();
        if (string.IsNullOrEmpty(number))
            violations.Add(new("invoiceNumber", RuleViolationCode.Required));
        else if (number.Length > InvoiceBasisRow.MaxInvoiceNumberLength)
            violations.Add(new("invoiceNumber", RuleViolationCode.TooLong, InvoiceBasisRow.MaxInvoiceNumberLength));
        if (file is null || file.Length == 0)
            violations.Add(new("invoiceFile", RuleViolationCode.Required));
        else if (file.Length > MaxFileBytes || ReceiptKind.Of(file) != ReceiptKind.Pdf)
            violations.Add(new("invoiceFile", RuleViolationCode.Invalid));
        if (basis.Status is not (InvoiceBasisStatus.Ready or InvoiceBasisStatus.SentBack))
            violations.Add(new("status", RuleViolationCode.WrongStatus));
        if (violations.Count > 0)
            return new InvoiceSubmitResult.Refused(violations);
        if (basis.Version != expectedVersion)
            return new InvoiceSubmitResult.Conflict();

        var now = time.GetUtcNow();
        // The file first, under the basis's id: a submission that then fails leaves a file nothing names, which nobody reaches.
        await files.SaveAsync(basis.Id, file!, cancellationToken);
        basis.Status = InvoiceBasisStatus.Submitted;
        basis.InvoiceNumber = number;
        basis.InvoiceFileReference = ReceiptStore.ReferenceOf(ReceiptKind.Pdf);
        basis.SubmittedAt = now;
        basis.SubmittedBy = AuditEntry.FitActor(user.Actor());
        basis.SentBackComment = null;
        basis.Version = Guid.NewGuid();
        db.AuditEntries.Add(AuditEntry.Create(now, user.Actor(), "invoice.submitted", InvoiceMonth.FromNumber(basis.Month).ToString()));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new InvoiceSubmitResult.Conflict();
        }

        var started = await engine.StartAsync(InvoicingNames.Process, InvoicingNames.VariablesOf(basis, await ReferenceAsync(basis, cancellationToken)),
            cancellationToken);
        if (started.Outcome != EngineOutcome.Started)
            throw new InvalidOperationException($"The attestation process {InvoicingNames.Process} could not start: {started.Outcome}.");
        await transaction.CommitAsync(cancellationToken);
        return new InvoiceSubmitResult.Submitted();
    }

    /// <summary>The invoice file the shelter submitted, for whoever may see the basis; null when there is none.</summary>
    public async Task<byte[]?> InvoiceFileAsync(InvoiceBasisRow basis, CancellationToken cancellationToken) =>
        basis.InvoiceFileReference is null ? null : await files.LoadAsync(basis.Id, cancellationToken);

    /// <summary>What names a basis to a person: the month and the shelter (never a case).</summary>
    public async Task<string> ReferenceAsync(InvoiceBasisRow basis, CancellationToken cancellationToken) =>
        InvoicingNames.ReferenceOf(InvoiceMonth.FromNumber(basis.Month),
            await CaseReferences.ShelterNameAsync(db, basis.ShelterId, cancellationToken) ?? "");
}

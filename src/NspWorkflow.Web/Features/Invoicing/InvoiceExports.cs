using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>
/// The documents of invoicing, in Swedish whoever downloads them: a basis as CSV and as PDF, and the coordinator's list of
/// attested invoices to pay. Case references only.
/// </summary>
public sealed class InvoiceExports(NspDbContext db, InvoiceLineTexts texts, MessageTable messages)
{
    public async Task<InvoiceDocument> DocumentAsync(InvoiceBasisRow basis, CancellationToken cancellationToken)
    {
        var view = InvoiceBasisView.Build(basis, await CaseReferences.ShelterNameAsync(db, basis.ShelterId, cancellationToken) ?? "", texts,
            MessageTable.Swedish);
        return new InvoiceDocument(messages.Text("NationalSupportProgramForVictimsOfHuman", MessageTable.Swedish), view.ShelterName, view.Month,
            basis.Status, basis.InvoiceNumber, basis.Status == InvoiceBasisStatus.Attested ? basis.DecidedAt : null,
            basis.Status == InvoiceBasisStatus.Attested ? basis.DecidedBy : null,
            [.. view.Lines.Select(l => new InvoiceDocumentLine(l.Line, l.Description))]);
    }

    /// <summary>Every attested invoice, newest month first: what is to be paid, to whom, for which month.</summary>
    public async Task<byte[]> PaymentListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.InvoiceBases.AsNoTracking().Where(b => b.Status == InvoiceBasisStatus.Attested)
            .Join(db.Shelters, b => b.ShelterId, s => s.Id, (b, s) => new { s.Name, b.Month, b.InvoiceNumber, b.Total, b.DecidedAt, b.DecidedBy })
            .ToListAsync(cancellationToken);
        return InvoiceCsv.WritePaymentList([.. rows.OrderByDescending(r => r.Month).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new InvoicePaymentRow(r.Name, InvoiceMonth.FromNumber(r.Month), r.InvoiceNumber ?? "", r.Total, r.DecidedAt!.Value, r.DecidedBy ?? ""))]);
    }
}

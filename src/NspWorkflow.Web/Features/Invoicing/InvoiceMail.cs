using System.Text;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>
/// Mail to a shelter that its invoice basis is ready, added to the unit of work that built it: the month and a link, never a
/// case or a sum. In Swedish, whoever caused it. The coordinator's decision is mailed as every decision is (PathwayMailer).
/// </summary>
public sealed class InvoiceMail(NspDbContext db, IMailOutbox outbox, IMailKick kick, MessageTable texts, AppOptions app)
{
    public const string Kind = "invoice";

    /// <summary>Each shelter's basis of the month is ready to check and invoice.</summary>
    public async Task BasesReadyAsync(IReadOnlyList<InvoiceBasisRow> bases, InvoiceMonth month, CancellationToken cancellationToken)
    {
        var shelterIds = bases.Select(b => b.ShelterId).ToList();
        var addresses = await db.Shelters.AsNoTracking().Where(s => shelterIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.ContactEmails, cancellationToken);
        foreach (var basis in bases)
            Enqueue(addresses.GetValueOrDefault(basis.ShelterId), "Mail.Invoice.Ready.Subject", "Mail.Invoice.Ready.Intro", basis, month);
    }

    /// <summary>Sends what was enqueued, once the unit of work has committed.</summary>
    public void Kick() => kick.Kick();

    private void Enqueue(IReadOnlyList<string>? to, string subject, string intro, InvoiceBasisRow basis, InvoiceMonth month)
    {
        if (to is not { Count: > 0 })
            return;
        var body = new StringBuilder()
            .AppendLine(Swedish(intro, month.ToString()))
            .AppendLine(Swedish("Mail.Invoice.Open", new Uri(app.PublicUrl, $"invoices/{basis.Id}")))
            .AppendLine().AppendLine(Swedish("Mail.SignIn"));
        outbox.Enqueue(new OutboxMailDraft(to, Swedish(subject, month.ToString()), body.ToString(), Kind));
    }

    private string Swedish(string key, params object?[] arguments) => texts.Text(key, MessageTable.Swedish, arguments);
}

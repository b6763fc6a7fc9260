using NspWorkflow.Data.Invoicing;

namespace NspWorkflow.Web.Features.Invoicing.Pages;

/// <summary>How the invoice pages name where a basis stands (keys of the message table).</summary>
public static class InvoiceDisplay
{
    public static string StatusKey(InvoiceBasisStatus status) => status switch
    {
        InvoiceBasisStatus.Ready => "Invoice.Status.Ready",
        InvoiceBasisStatus.Submitted => "Invoice.Status.Submitted",
        InvoiceBasisStatus.SentBack => "Invoice.Status.SentBack",
        _ => "Invoice.Status.Attested",
    };
}

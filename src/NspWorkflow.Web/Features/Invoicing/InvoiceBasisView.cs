using System.Globalization;
using NspWorkflow.Data;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Web.Features.Cases;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>A line as a page shows it: the stored line, its words, and where its receipt is read (when it has one).</summary>
public sealed record InvoiceBasisViewLine(InvoiceLine Line, string Description, string? ReceiptLink);

/// <summary>
/// A basis as the pages (the basis page and the coordinator's decision) show it: the shelter, the month, where it stands,
/// the lines with their words, and the sums by component.
/// </summary>
public sealed record InvoiceBasisView(
    InvoiceBasisRow Basis,
    string ShelterName,
    InvoiceMonth Month,
    IReadOnlyList<InvoiceBasisViewLine> Lines)
{
    public decimal HousingAndFood => Lines.Sum(l => l.Line.Amount.AdultHousingAndFood);
    public decimal ProtectionAndSupport => Lines.Sum(l => l.Line.Amount.AdultProtectionAndSupport);
    public decimal Integration => Lines.Sum(l => l.Line.Amount.IntegrationSupport);
    public decimal ChildSupplement => Lines.Sum(l => l.Line.Amount.ChildSupplement);
    public decimal MotivatedSupplement => Lines.Sum(l => l.Line.Amount.MotivatedSupplement);
    public decimal PointInterventions => Lines.Sum(l => l.Line.PointInterventionAmount);
    public decimal Total => Lines.Sum(l => l.Line.Total);

    /// <summary>The lines in the language of the request (the page's culture).</summary>
    public static async Task<InvoiceBasisView> BuildAsync(NspDbContext db, InvoiceBasisRow basis, InvoiceLineTexts texts, CancellationToken cancellationToken) =>
        Build(basis, await CaseReferences.ShelterNameAsync(db, basis.ShelterId, cancellationToken) ?? "", texts, CultureInfo.CurrentUICulture);

    public static InvoiceBasisView Build(InvoiceBasisRow basis, string shelterName, InvoiceLineTexts texts, CultureInfo culture) =>
        new(basis, shelterName, InvoiceMonth.FromNumber(basis.Month),
            [.. basis.Lines.Select(r => r.ToLine())
                .OrderBy(l => l.CaseReference, StringComparer.Ordinal).ThenBy(l => l.Covers).ThenBy(l => l.Kind).ThenBy(l => l.FirstDay)
                .Select(l => new InvoiceBasisViewLine(l, texts.Describe(l, culture),
                    ReceiptKind.FromReference(l.ReceiptReference) is null ? null : $"/cases/{l.CaseId}?handler=Receipt&pointIntervention={l.PointInterventionId}"))]);
}

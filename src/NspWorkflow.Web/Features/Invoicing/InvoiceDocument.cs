using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Invoicing;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>
/// A shelter's invoice basis of one month as the exports (<see cref="InvoiceCsv"/>, <see cref="InvoicePdf"/>) write it. The
/// caller gathers everything, descriptions included, so the exports only lay out what they are given: they read no store and
/// never word anything about a case themselves. The cases appear by their reference only.
/// </summary>
/// <param name="Month">The month of the basis; a correction line names the earlier month it corrects in its own <see cref="InvoiceLine.Covers"/>.</param>
/// <param name="InvoiceNumber">The shelter's invoice number, once it has submitted its invoice.</param>
/// <param name="AttestedAt">When the coordinator attested the invoice, if so.</param>
/// <param name="AttestedBy">Who attested it (the name the pages show), if so.</param>
public sealed record InvoiceDocument(
    string ProgramName,
    string ShelterName,
    InvoiceMonth Month,
    InvoiceBasisStatus Status,
    string? InvoiceNumber,
    DateTimeOffset? AttestedAt,
    string? AttestedBy,
    IReadOnlyList<InvoiceDocumentLine> Lines)
{
    /// <summary>What the basis pays in all: the sum of its lines, corrections (negative ones too) included.</summary>
    public decimal Total => Lines.Sum(l => l.Line.Total);

    /// <summary>Housing and food for adults, all lines.</summary>
    public decimal HousingAndFood => Lines.Sum(l => l.Line.Amount.AdultHousingAndFood);

    /// <summary>Protection and support for adults, all lines.</summary>
    public decimal ProtectionAndSupport => Lines.Sum(l => l.Line.Amount.AdultProtectionAndSupport);

    /// <summary>Integration support (the integration period's daily rate), all lines.</summary>
    public decimal Integration => Lines.Sum(l => l.Line.Amount.IntegrationSupport);

    /// <summary>The supplement for accompanying children, all lines.</summary>
    public decimal ChildSupplement => Lines.Sum(l => l.Line.Amount.ChildSupplement);

    /// <summary>The motivated supplement, all lines.</summary>
    public decimal MotivatedSupplement => Lines.Sum(l => l.Line.Amount.MotivatedSupplement);

    /// <summary>The point interventions, all lines.</summary>
    public decimal PointInterventions => Lines.Sum(l => l.Line.PointInterventionAmount);

    /// <summary>
    /// "Fakturaunderlag &lt;shelter&gt; &lt;yyyy-MM&gt;": the PDF's title and, with a file extension, a good name for a
    /// download; it names the shelter and month, never a case.
    /// </summary>
    public string Title => $"Fakturaunderlag {ShelterName} {Month}";

    /// <summary>The status as the shelter and the coordinator read it in Swedish.</summary>
    public static string StatusText(InvoiceBasisStatus status) => status switch
    {
        InvoiceBasisStatus.Ready => "Att granska och fakturera",
        InvoiceBasisStatus.Submitted => "Inskickad, väntar på attest",
        InvoiceBasisStatus.SentBack => "Skickad tillbaka",
        InvoiceBasisStatus.Attested => "Attesterad",
        _ => status.ToString(),
    };
}

/// <summary>One line of the basis with the Swedish description its caller wrote for it.</summary>
/// <param name="Description">
/// A ready text such as "Fördjupat stöd, period 2 (reducerad ersättning)" or "Punktinsats: Mobiltelefon"; it must name no
/// person, only what the line pays.
/// </param>
public sealed record InvoiceDocumentLine(InvoiceLine Line, string Description);

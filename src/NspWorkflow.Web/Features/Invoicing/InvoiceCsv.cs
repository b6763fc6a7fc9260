using System.Globalization;
using CsvHelper;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>
/// An attested invoice on the coordinator's list of invoices to pay.
/// </summary>
/// <param name="AttestedAt">When it was attested; the list shows the day in Sweden.</param>
public sealed record InvoicePaymentRow(
    string ShelterName, InvoiceMonth Month, string InvoiceNumber, decimal Total, DateTimeOffset AttestedAt, string AttestedBy);

/// <summary>
/// The invoice basis and the list of invoices to pay as CSV files for Excel in Sweden: UTF-8 with a byte order mark (without
/// it Excel reads the file as Windows-1252 and å, ä, ö break), semicolons between the fields (Swedish Excel's list separator,
/// since the comma is its decimal separator), and amounts as Swedish Excel reads numbers (see <see cref="Amount"/>).
/// </summary>
public static class InvoiceCsv
{
    /// <summary>The basis's columns, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "Ärende", "Avser månad", "Rättelse", "Beskrivning", "Från", "Till", "Dagar", "Boende och mat", "Skydd och stöd",
        "Utslussning", "Barntillägg", "Motiverat tillägg", "Punktinsats", "Summa", "Kvitto",
    ];

    /// <summary>The payment list's columns, in order.</summary>
    public static IReadOnlyList<string> PaymentHeaders { get; } =
        ["Boende", "Månad", "Fakturanummer", "Summa", "Attesterad", "Attesterad av"];

    /// <summary>What the last row of the basis says in its first column.</summary>
    public const string TotalRowText = "Summa";

    /// <summary>
    /// Amounts in Swedish format (a decimal comma, two decimals, no thousands separator), not invariant with a dot: the
    /// people who open these files use Excel set to Swedish, which reads "1499,50" as a number and "1499.50" as text (or a
    /// date). No thousands separator, because Swedish uses a space, which Excel does not read back as part of a number. And
    /// the minus is the ASCII hyphen: .NET's sv-SE culture writes U+2212 (the typographic minus), which Excel takes for text.
    /// </summary>
    private static readonly NumberFormatInfo Amount = SwedishAmounts();

    /// <summary>Two decimals always, so a column of amounts lines up and reads as kronor and öre.</summary>
    private const string AmountFormat = "0.00";

    /// <summary>
    /// The invoice basis: one row per line, then a row "Summa" with the sums by component and in all. Whether a point
    /// intervention has its receipt is Ja or Nej; the receipt's stored reference is never written.
    /// </summary>
    public static byte[] Write(InvoiceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Csv(csv =>
        {
            Header(csv, Headers);
            foreach (var (line, description) in document.Lines)
            {
                csv.WriteField(line.CaseReference);
                csv.WriteField(line.Covers.ToString());
                csv.WriteField(YesNo(line.IsCorrection));
                csv.WriteField(description);
                csv.WriteField(SwedishCalendar.FormatDay(line.FirstDay));
                csv.WriteField(SwedishCalendar.FormatDay(line.LastDay));
                // A point intervention has no days, only its amount.
                if (line.Kind == InvoiceLineKind.Period)
                    csv.WriteField(line.Days, "0");
                else
                    csv.WriteField("");
                Amounts(csv, line.Amount.AdultHousingAndFood, line.Amount.AdultProtectionAndSupport, line.Amount.IntegrationSupport,
                    line.Amount.ChildSupplement, line.Amount.MotivatedSupplement, line.PointInterventionAmount, line.Total);
                // Only a point intervention has a receipt; for days, "Nej" would read as a receipt missing.
                csv.WriteField(line.Kind == InvoiceLineKind.PointIntervention ? YesNo(line.ReceiptReference is not null) : "");
                csv.EndRecord();
            }

            csv.WriteField(TotalRowText);
            csv.WriteField(document.Month.ToString());
            for (var i = 0; i < 5; i++)
                csv.WriteField("");
            Amounts(csv, document.HousingAndFood, document.ProtectionAndSupport, document.Integration, document.ChildSupplement,
                document.MotivatedSupplement, document.PointInterventions, document.Total);
            csv.WriteField("");
            csv.EndRecord();
        });
    }

    /// <summary>The coordinator's list of attested invoices to pay, one row per invoice, in the order given.</summary>
    public static byte[] WritePaymentList(IReadOnlyList<InvoicePaymentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Csv(csv =>
        {
            Header(csv, PaymentHeaders);
            foreach (var row in rows)
            {
                csv.WriteField(row.ShelterName);
                csv.WriteField(row.Month.ToString());
                csv.WriteField(row.InvoiceNumber);
                csv.WriteField(row.Total, AmountFormat);
                // The day in Sweden: attested at 00:30 Swedish time is that day, though UTC still has the day before.
                csv.WriteField(SwedishCalendar.FormatDay(DateOnly.FromDateTime(SwedishCalendar.ToSwedish(row.AttestedAt).DateTime)));
                csv.WriteField(row.AttestedBy);
                csv.EndRecord();
            }
        });
    }

    /// <summary>
    /// How both files are written: semicolons, CRLF, a byte order mark, amounts with <see cref="Amount"/>, and a text field
    /// that Excel would run as a formula (it starts with =, +, -, @, a tab or CR) gets an apostrophe first, which Excel shows
    /// as text. Only text fields are escaped, not the amounts, which are written as numbers (a negative amount stays one).
    /// </summary>
    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        FormatProvider = Amount,
        Injection = CsvInjection.Escape,
    };

    private static byte[] Csv(Action<CsvWriter> write)
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, Options, leaveOpen: true))
            write(csv);
        return bytes.ToArray();
    }

    private static void Header(CsvWriter csv, IReadOnlyList<string> names)
    {
        foreach (var name in names)
            csv.WriteField(name);
        csv.EndRecord();
    }

    private static void Amounts(CsvWriter csv, params ReadOnlySpan<decimal> amounts)
    {
        foreach (var amount in amounts)
            csv.WriteField(amount, AmountFormat);
    }

    private static string YesNo(bool value) => value ? "Ja" : "Nej";

    private static NumberFormatInfo SwedishAmounts()
    {
        var format = (NumberFormatInfo)CultureInfo.GetCultureInfo("sv-SE").NumberFormat.Clone();
        format.NumberDecimalSeparator = ",";
        format.NumberGroupSeparator = "";
        format.NegativeSign = "-";
        return NumberFormatInfo.ReadOnly(format);
    }
}

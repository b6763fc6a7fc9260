using System.Globalization;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>
/// The invoice basis as an A4 PDF, "Fakturaunderlag", for the shelter's records and for the invoice it sends: who and which
/// month, the status, a table of the lines (a correction names the month it corrects), the sums by component and the total,
/// and "Sida 1 av N" on every page. Drawn with PDFsharp alone (no MigraDoc), so the table's page breaks are laid out here:
/// a line that does not fit goes to the next page, under the table's header again.
/// </summary>
public static class InvoicePdf
{
    private const double Margin = 42; // about 15 mm
    private const double RowHeight = 13;
    private const double CorrectionRowHeight = 22;
    private const double FooterHeight = 24;

    /// <summary>
    /// The table's columns: left edge (from the margin), width, right-aligned. The case reference (NSP-yyyy-nnnn) and the days
    /// always fit; a description too long for its column is shortened with "…".
    /// </summary>
    private static readonly (string Title, double X, double Width, bool Right)[] Columns =
    [
        ("Ärende", 0, 80, false),
        ("Beskrivning", 84, 187, false),
        ("Från–till", 275, 114, false),
        ("Dagar", 389, 36, true),
        ("Summa (kr)", 437, 74, true),
    ];

    /// <summary>
    /// Amounts as Swedish readers write them: a space between thousands (a non-breaking one, so "16 800,00" never splits),
    /// a decimal comma and a real minus sign. Set here rather than taken from sv-SE as the system has it, whose data differs
    /// between ICU versions.
    /// </summary>
    private static readonly NumberFormatInfo Amounts = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "\u00A0",
        NumberGroupSizes = [3],
        NegativeSign = "\u2212",
    };

    /// <summary>The document as PDF bytes; its document information's title is <see cref="InvoiceDocument.Title"/>.</summary>
    public static byte[] Write(InvoiceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        PdfFonts.EnsureInstalled();

        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Subject = $"Fakturaunderlag för {document.Month}";
        pdf.Info.Creator = document.ProgramName;
        new Layout(pdf, document).Draw();

        using var bytes = new MemoryStream();
        pdf.Save(bytes, closeStream: false);
        return bytes.ToArray();
    }

    /// <summary>An amount as the PDF writes it, e.g. "16 800,00" (with a non-breaking space) or "−13 200,00".</summary>
    internal static string Money(decimal amount) => amount.ToString("N2", Amounts);

    /// <summary>Draws one document: the pages as the lines fill them, then the page numbers, once the count is known.</summary>
    private sealed class Layout(PdfDocument pdf, InvoiceDocument document)
    {
        private readonly XFont title = Font(18, bold: true);
        private readonly XFont heading = Font(10, bold: true);
        private readonly XFont text = Font(9);
        private readonly XFont bold = Font(9, bold: true);
        private readonly XFont small = Font(7.5);
        private readonly XFont cell = Font(8.5);
        private readonly XFont cellBold = Font(8.5, bold: true);
        private readonly XBrush grey = new XSolidBrush(XColor.FromArgb(90, 90, 90));
        private readonly XPen rule = new(XColor.FromArgb(160, 160, 160), 0.5);

        private XGraphics? graphics;
        private double y;
        private double width;
        private double bottom;

        private XGraphics G => graphics ?? throw new InvalidOperationException("No page is open.");

        public void Draw()
        {
            NewPage(tableHeader: false);
            DrawHeader();
            DrawTableHeader();
            if (document.Lines.Count == 0)
                DrawText("Underlaget har inga rader.", text, XBrushes.Black, 0, y + 10);
            foreach (var line in document.Lines)
                DrawLine(line);
            DrawSums();
            graphics?.Dispose();
            graphics = null;
            DrawPageNumbers();
        }

        private void NewPage(bool tableHeader)
        {
            graphics?.Dispose();
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            width = page.Width.Point - 2 * Margin;
            bottom = page.Height.Point - Margin - FooterHeight;
            y = Margin;
            if (pdf.PageCount > 1)
            {
                // A page after the first says whose basis it continues.
                DrawText($"{document.Title} (forts.)", bold, XBrushes.Black, 0, y + 9);
                y += 20;
            }
            if (tableHeader)
                DrawTableHeader();
        }

        private void DrawHeader()
        {
            DrawText("Fakturaunderlag", title, XBrushes.Black, 0, y + 18);
            y += 26;
            DrawText(document.ProgramName, heading, XBrushes.Black, 0, y + 10);
            y += 20;
            var facts = new List<(string Label, string Value)>
            {
                ("Boende", document.ShelterName),
                ("Månad", document.Month.ToString()),
                ("Status", InvoiceDocument.StatusText(document.Status)),
                ("Fakturanummer", document.InvoiceNumber ?? "–"),
            };
            if (document.AttestedAt is { } attested)
                facts.Add(("Attesterat", $"{SwedishCalendar.Format(attested)}{(document.AttestedBy is { } by ? $" av {by}" : "")}"));
            foreach (var (label, value) in facts)
            {
                DrawText(label, bold, XBrushes.Black, 0, y + 9);
                DrawText(Fit(value, text, width - 100), text, XBrushes.Black, 100, y + 9);
                y += 14;
            }
            y += 12;
        }

        private void DrawTableHeader()
        {
            foreach (var column in Columns)
                DrawCell(column.Title, cellBold, XBrushes.Black, column, y + 9);
            y += 13;
            G.DrawLine(rule, Margin, y, Margin + width, y);
            y += 3;
        }

        private void DrawLine(InvoiceDocumentLine documentLine)
        {
            var line = documentLine.Line;
            var height = line.IsCorrection ? CorrectionRowHeight : RowHeight;
            if (y + height > bottom)
                NewPage(tableHeader: true);

            var baseline = y + 9;
            DrawCell(line.CaseReference, cell, XBrushes.Black, Columns[0], baseline);
            DrawCell(documentLine.Description, cell, XBrushes.Black, Columns[1], baseline);
            var days = line.FirstDay == line.LastDay
                ? SwedishCalendar.FormatDay(line.FirstDay)
                : $"{SwedishCalendar.FormatDay(line.FirstDay)}–{SwedishCalendar.FormatDay(line.LastDay)}";
            DrawCell(days, cell, XBrushes.Black, Columns[2], baseline);
            if (line.Kind == InvoiceLineKind.Period)
                DrawCell(line.Days.ToString("0", Amounts), cell, XBrushes.Black, Columns[3], baseline);
            DrawCell(Money(line.Total), cell, XBrushes.Black, Columns[4], baseline);
            if (line.IsCorrection)
                DrawCell($"Rättelse av {line.Covers}", small, grey, Columns[1], baseline + 9);
            y += height;
        }

        private void DrawSums()
        {
            (string Label, decimal Amount)[] parts =
            [
                ("Boende och mat", document.HousingAndFood),
                ("Skydd och stöd", document.ProtectionAndSupport),
                ("Utslussning", document.Integration),
                ("Barntillägg", document.ChildSupplement),
                ("Motiverat tillägg", document.MotivatedSupplement),
                ("Punktinsatser", document.PointInterventions),
            ];
            var height = 8 + 18 + parts.Length * 14 + 24;
            if (y + height > bottom)
                NewPage(tableHeader: false);

            G.DrawLine(rule, Margin, y + 4, Margin + width, y + 4);
            y += 8;
            var labelX = width - 250;
            DrawText("Summa per ersättningsdel", heading, XBrushes.Black, labelX, y + 12);
            y += 18;
            foreach (var (label, amount) in parts)
            {
                DrawText(label, text, XBrushes.Black, labelX, y + 9);
                DrawRight($"{Money(amount)} kr", text, XBrushes.Black, width, y + 9);
                y += 14;
            }
            G.DrawLine(rule, Margin + labelX, y + 2, Margin + width, y + 2);
            y += 6;
            DrawText("Totalt att fakturera", heading, XBrushes.Black, labelX, y + 11);
            DrawRight($"{Money(document.Total)} kr", heading, XBrushes.Black, width, y + 11);
            y += 18;
        }

        private void DrawPageNumbers()
        {
            var count = pdf.PageCount;
            for (var i = 0; i < count; i++)
            {
                var page = pdf.Pages[i];
                using var footer = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var baseline = page.Height.Point - Margin;
                footer.DrawString(document.Title, small, grey, Margin, baseline, XStringFormats.BaseLineLeft);
                footer.DrawString($"Sida {i + 1} av {count}", small, grey, page.Width.Point - Margin, baseline, XStringFormats.BaseLineRight);
            }
        }

        private void DrawCell(string value, XFont font, XBrush brush, (string Title, double X, double Width, bool Right) column, double baseline)
        {
            var fitted = Fit(value, font, column.Width);
            if (column.Right)
                DrawRight(fitted, font, brush, column.X + column.Width, baseline);
            else
                DrawText(fitted, font, brush, column.X, baseline);
        }

        private void DrawText(string value, XFont font, XBrush brush, double x, double baseline) =>
            G.DrawString(value, font, brush, Margin + x, baseline, XStringFormats.BaseLineLeft);

        private void DrawRight(string value, XFont font, XBrush brush, double right, double baseline) =>
            G.DrawString(value, font, brush, Margin + right, baseline, XStringFormats.BaseLineRight);

        /// <summary>The text, shortened with "…" if it is wider than the room it has (a long description must not run into the next column).</summary>
        private string Fit(string value, XFont font, double room)
        {
            if (G.MeasureString(value, font).Width <= room)
                return value;
            var length = value.Length;
            while (length > 0 && G.MeasureString(value[..length] + "…", font).Width > room)
                length--;
            return value[..length].TrimEnd() + "…";
        }

        private static XFont Font(double size, bool bold = false) =>
            new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }
}

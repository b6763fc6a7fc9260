using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Web.Features.Invoicing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace NspWorkflow.Web.Tests.Features.Invoicing;

/// <summary>
/// The invoice basis exports, without the app: the CSV read back as Excel would read it (semicolons, Swedish amounts, the
/// "Summa" row, no receipt reference), and the PDF opened again to count its pages and read its text. Every sum is by hand.
/// </summary>
public sealed partial class InvoiceExportTests
{
    private const string Program = "Nationellt stödprogram för offer för människohandel";
    private const string Shelter = "Skyddsboendet Örnen";
    private const string Receipt = "receipts/2025/0f3a-kvitto-mobil.pdf";
    private static readonly InvoiceMonth March = new(2025, 3);

    [Fact]
    public void The_csv_has_the_swedish_headers_a_row_per_line_with_its_sums_and_a_total_row()
    {
        var bytes = InvoiceCsv.Write(Document());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';' });
        Assert.Equal(
            ["Ärende", "Avser månad", "Rättelse", "Beskrivning", "Från", "Till", "Dagar", "Boende och mat", "Skydd och stöd",
                "Utslussning", "Barntillägg", "Motiverat tillägg", "Punktinsats", "Summa", "Kvitto"],
            csv.Headers);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(csv.Headers.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => csv.GetString(c.i)));
        Assert.Equal(5, rows.Count);

        // 14 days × (700 + 500) = 16 800.
        AssertRow(rows[0], "NSP-2025-0001", "2025-03", "Nej", "2025-03-01", "2025-03-14", "14", "9800,00", "7000,00", "0,00", "0,00", "0,00", "0,00", "16800,00", "");
        Assert.Equal("Reflektionsperiod", rows[0]["Beskrivning"]);
        // A correction of February: −11 days × 1 200 = −13 200.
        AssertRow(rows[1], "NSP-2025-0001", "2025-02", "Ja", "2025-02-18", "2025-02-28", "-11", "-7700,00", "-5500,00", "0,00", "0,00", "0,00", "0,00", "-13200,00", "");
        // 5 days × (600 + 400 + 150 + 100) = 6 250.
        AssertRow(rows[2], "NSP-2025-0002", "2025-03", "Nej", "2025-03-10", "2025-03-14", "5", "3000,00", "2000,00", "0,00", "750,00", "500,00", "0,00", "6250,00", "");
        Assert.Equal("Fördjupat stöd, period 2 (reducerad ersättning)", rows[2]["Beskrivning"]);
        AssertRow(rows[3], "NSP-2025-0002", "2025-03", "Nej", "2025-03-12", "2025-03-12", "", "0,00", "0,00", "0,00", "0,00", "0,00", "1499,50", "1499,50", "Ja");
        Assert.Equal("Punktinsats: Mobiltelefon", rows[3]["Beskrivning"]);
        // 16 800 − 13 200 + 6 250 + 1 499,50 = 11 349,50; housing 9 800 − 7 700 + 3 000 = 5 100; protection 7 000 − 5 500 + 2 000 = 3 500.
        AssertRow(rows[4], "Summa", "2025-03", "", "", "", "", "5100,00", "3500,00", "0,00", "750,00", "500,00", "1499,50", "11349,50", "");

        Assert.DoesNotContain(Receipt, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("0f3a", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void The_document_sums_the_lines_by_component_and_in_all()
    {
        var document = Document();

        Assert.Equal(11_349.50m, document.Total);
        Assert.Equal(5_100m, document.HousingAndFood);
        Assert.Equal(3_500m, document.ProtectionAndSupport);
        Assert.Equal(0m, document.Integration);
        Assert.Equal(750m, document.ChildSupplement);
        Assert.Equal(500m, document.MotivatedSupplement);
        Assert.Equal(1_499.50m, document.PointInterventions);
        Assert.Equal("Fakturaunderlag Skyddsboendet Örnen 2025-03", document.Title);
    }

    [Fact]
    public void The_payment_list_shows_the_day_attested_in_sweden_and_escapes_a_text_excel_would_run()
    {
        // 22:30 UTC on 31 March 2025 is 00:30 on 1 April in Sweden (summer time since 30 March).
        var bytes = InvoiceCsv.WritePaymentList(
        [
            new InvoicePaymentRow(Shelter, March, "F-2025-117", 11_349.50m, new DateTimeOffset(2025, 3, 31, 22, 30, 0, TimeSpan.Zero), "Samordnare A"),
            new InvoicePaymentRow("Boendet Åsen", March, "=1+1", -250m, new DateTimeOffset(2025, 4, 2, 8, 0, 0, TimeSpan.Zero), "Samordnare B"),
        ]);

        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';' });
        Assert.Equal(["Boende", "Månad", "Fakturanummer", "Summa", "Attesterad", "Attesterad av"], csv.Headers);
        Assert.True(csv.Read());
        Assert.Equal([Shelter, "2025-03", "F-2025-117", "11349,50", "2025-04-01", "Samordnare A"], csv.Current.ToArray());
        Assert.True(csv.Read());
        Assert.Equal(["Boendet Åsen", "2025-03", "'=1+1", "-250,00", "2025-04-02", "Samordnare B"], csv.Current.ToArray());
        Assert.False(csv.Read());
    }

    [Fact]
    public void The_pdf_of_a_few_lines_is_one_page_naming_the_program_the_shelter_and_the_total()
    {
        var bytes = InvoicePdf.Write(Document());

        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.Equal(1, pdf.PageCount);
        Assert.Equal("Fakturaunderlag Skyddsboendet Örnen 2025-03", pdf.Info.Title);
        var text = Text(pdf.Pages[0]);
        Assert.Contains("Fakturaunderlag", text);
        Assert.Contains(Program, text);
        Assert.Contains(Shelter, text);
        Assert.Contains("Att granska och fakturera", text);
        Assert.Contains("Rättelse av 2025-02", text);
        Assert.Contains("16 800,00", text);
        Assert.Contains("-13 200,00", text);
        Assert.Contains("1 499,50", text);
        Assert.Contains("11 349,50 kr", text);
        Assert.Contains("Sida 1 av 1", text);
        Assert.DoesNotContain(Receipt, text);
    }

    [Fact]
    public void The_pdf_of_120_lines_breaks_into_numbered_pages_and_ends_with_the_total()
    {
        // 120 lines of 14 days × 1 200 = 16 800 each: 2 016 000 in all.
        var lines = Enumerable.Range(1, 120)
            .Select(i => new InvoiceDocumentLine(Days($"NSP-2025-{i:D4}", March, false, new DateOnly(2025, 3, 1), 14, 700m, 500m), "Reflektionsperiod"))
            .ToList();
        var bytes = InvoicePdf.Write(Document() with { Lines = lines, Status = InvoiceBasisStatus.Attested, InvoiceNumber = "F-2025-117" });

        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.True(pdf.PageCount > 1, $"{pdf.PageCount} page(s)");
        var pages = Enumerable.Range(0, pdf.PageCount).Select(i => Text(pdf.Pages[i])).ToList();
        for (var i = 0; i < pages.Count; i++)
            Assert.Contains($"Sida {i + 1} av {pages.Count}", pages[i]);
        var all = string.Join("\n", pages);
        for (var i = 1; i <= 120; i++)
            Assert.Single(Regex.Matches(all, $"NSP-2025-{i:D4}\n"));
        Assert.Contains("NSP-2025-0120", pages[^1] + pages[^2]);
        Assert.Contains("2 016 000,00 kr", pages[^1]);
        Assert.Contains("Attesterad", pages[0]);
        Assert.Contains("F-2025-117", pages[0]);
    }

    [Fact]
    public void Pdfs_written_at_once_share_the_one_font_resolver()
    {
        var documents = Enumerable.Range(0, 4).Select(_ => Document()).ToArray();
        var pdfs = new byte[documents.Length][];

        Parallel.For(0, documents.Length, i => pdfs[i] = InvoicePdf.Write(documents[i]));

        Assert.All(pdfs, bytes => Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4)));
    }

    private static InvoiceDocument Document() => new(Program, Shelter, March, InvoiceBasisStatus.Ready, null, null, null,
    [
        new(Days("NSP-2025-0001", March, false, new DateOnly(2025, 3, 1), 14, 700m, 500m), "Reflektionsperiod"),
        new(Days("NSP-2025-0001", March.Previous, true, new DateOnly(2025, 2, 18), -11, 700m, 500m), "Reflektionsperiod"),
        new(Days("NSP-2025-0002", March, false, new DateOnly(2025, 3, 10), 5, 600m, 400m, child: 150m, motivated: 100m),
            "Fördjupat stöd, period 2 (reducerad ersättning)"),
        new(new InvoiceLine(Guid.NewGuid(), "NSP-2025-0002", March, false, InvoiceLineKind.PointIntervention, null, 0,
            new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 12), 0, PeriodAmount.Zero, PeriodAmount.Zero,
            Guid.NewGuid(), "phone", 1_499.50m, Receipt), "Punktinsats: Mobiltelefon"),
    ]);

    /// <summary>A period line of <paramref name="days"/> days (negative: taken back) at the daily amounts given.</summary>
    private static InvoiceLine Days(
        string reference, InvoiceMonth covers, bool correction, DateOnly first, int days, decimal housing, decimal protection,
        decimal child = 0m, decimal motivated = 0m)
    {
        var sign = days < 0 ? -1 : 1;
        var daily = new PeriodAmount(housing * sign, protection * sign, 0m, child * sign, motivated * sign);
        return new InvoiceLine(Guid.NewGuid(), reference, covers, correction, InvoiceLineKind.Period, PeriodKind.Reflection, 1,
            first, first.AddDays(Math.Abs(days) - 1), days, daily, daily.Times(Math.Abs(days)));
    }

    private static void AssertRow(Dictionary<string, string> row, params string[] expected)
    {
        string[] columns =
        [
            "Ärende", "Avser månad", "Rättelse", "Från", "Till", "Dagar", "Boende och mat", "Skydd och stöd", "Utslussning",
            "Barntillägg", "Motiverat tillägg", "Punktinsats", "Summa", "Kvitto",
        ];
        Assert.Equal(expected, columns.Select(c => row[c]).ToArray());
    }

    /// <summary>
    /// A page's text, one drawn string a line: the strings are glyph numbers (the fonts are embedded as Unicode, Identity-H),
    /// turned back into letters with each font's ToUnicode map, as a PDF reader's search does. Non-breaking spaces read as
    /// spaces and the minus sign as a hyphen.
    /// </summary>
    private static string Text(PdfPage page)
    {
        var maps = new Dictionary<string, Dictionary<int, string>>();
        var fonts = page.Resources.Elements.GetDictionary("/Font")!;
        foreach (var name in fonts.Elements.Keys)
        {
            var font = (PdfDictionary)((PdfSharp.Pdf.Advanced.PdfReference)fonts.Elements[name]!).Value;
            var cmap = (PdfDictionary)((PdfSharp.Pdf.Advanced.PdfReference)font.Elements["/ToUnicode"]!).Value;
            maps[name] = ToUnicode(Encoding.ASCII.GetString(cmap.Stream.UnfilteredValue));
        }

        var text = new StringBuilder();
        var current = new Dictionary<int, string>();
        foreach (var op in Operators(ContentReader.ReadContent(page)))
        {
            if (op.OpCode.Name == "Tf")
                current = maps[((CName)op.Operands[0]).Name];
            else if (op.OpCode.Name is "Tj" or "TJ")
            {
                foreach (var s in Strings(op.Operands))
                {
                    for (var i = 0; i + 1 < s.Length; i += 2)
                        text.Append(current.GetValueOrDefault((s[i] << 8) | s[i + 1], "?"));
                }
                text.Append('\n');
            }
        }
        return text.ToString().Replace('\u00A0', ' ').Replace('\u2212', '-');
    }

    private static IEnumerable<COperator> Operators(CSequence sequence)
    {
        foreach (var item in sequence)
        {
            if (item is COperator op)
                yield return op;
            else if (item is CSequence inner)
            {
                foreach (var nested in Operators(inner))
                    yield return nested;
            }
        }
    }

    private static IEnumerable<string> Strings(CSequence operands)
    {
        foreach (var item in operands)
        {
            if (item is CString s)
                yield return s.Value;
            else if (item is CSequence inner)
            {
                foreach (var nested in Strings(inner))
                    yield return nested;
            }
        }
    }

    /// <summary>Reads a ToUnicode CMap's bfrange and bfchar sections: glyph number to text.</summary>
    private static Dictionary<int, string> ToUnicode(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match section in Section().Matches(cmap))
        {
            var range = section.Groups["kind"].Value == "range";
            foreach (Match m in (range ? RangeEntry() : CharEntry()).Matches(section.Groups["entries"].Value))
            {
                var from = Hex(m.Groups[1].Value);
                var to = range ? Hex(m.Groups[2].Value) : from;
                var first = Hex(m.Groups[range ? 3 : 2].Value);
                for (var g = from; g <= to; g++)
                    map[g] = char.ConvertFromUtf32(first + g - from);
            }
        }
        return map;
    }

    private static int Hex(string hex) => Convert.ToInt32(hex, 16);

    [GeneratedRegex(@"beginbf(?<kind>range|char)(?<entries>.*?)endbf\k<kind>", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex RangeEntry();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex CharEntry();
}

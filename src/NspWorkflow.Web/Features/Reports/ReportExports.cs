using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Reports;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Reports;

/// <summary>A table of a report as the files write it: a title, the column headers, and rows of cells (a number, or a text such as "&lt;3").</summary>
public sealed record ReportSection(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object>> Rows);

/// <summary>
/// A report as CSV (for Swedish Excel: semicolons, a decimal comma, UTF-8 with a byte order mark, as the invoice files) and
/// as an Excel workbook (a sheet a table, numbers as numbers). Both are written from the same <see cref="Sections"/>, so a
/// count suppressed on the page is suppressed in both files: the suppressed cells are texts ("&lt;3", ".."), never the count.
/// </summary>
public sealed class ReportExports(IStringLocalizer<SharedResource> T)
{
    public IReadOnlyList<ReportSection> Sections(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sections = new List<ReportSection>
        {
            new(T["Reports.Interventions"], [T["Reports.Intervention"], T["Reports.Count"], T["Reports.SumSek"]],
                [.. report.Interventions.Rows.Select(r => Row(T[ReportTexts.Intervention(r.Kind)], r.Count, r.Sum)),
                 Row(T["Reports.Total"], report.Interventions.Total.Count, report.Interventions.Total.Sum)]),
            Table(T["Reports.PersonsTitle"], T["Reports.Persons"], report.Persons),
            Table(T["Reports.GenderAndAge"], T["Gender"], report.GenderAndAge),
            Table(T["Reports.ExploitationForms"], T["Reports.ExploitationForm"], report.Exploitation),
            Table(T["Reports.Countries"], T["Reports.Country"], report.Countries),
            new(T["Reports.Regions"], [T["Region"], T["Reports.CertifiedShelters"], T["Reports.Shelters"]],
                [.. report.Regions.Select(r => Row(r.Region, r.CertifiedShelters, r.Shelters))]),
            new(T["Reports.CasesPerShelter"], [T["Reports.Shelter"], T["Region"], T["Reports.Cases"]],
                [.. report.Shelters.Select(s => Row(s.Shelter, s.Region, s.Cases))]),
            new(T["Reports.BudgetTitle"], [T["Budget.Funder"], T["Budget.DirectSupport"], T["Budget.Spent"], T["Budget.Committed"], T["Budget.Left"]],
                [.. report.Budget.Funders.Append(report.Budget.Total).Select(f => Row(
                    f == report.Budget.Total ? T["Reports.Total"] : f.Funder ?? T["Budget.NoFunder"], f.DirectSupport, f.Spent, f.Committed, f.Left))]),
        };
        if (report.Years.Count > 0)
        {
            var kinds = Enum.GetValues<InterventionKind>();
            sections.Add(new(T["Reports.Years"],
                [T["Reports.Year"], .. kinds.SelectMany(k => new[] { $"{T[ReportTexts.Intervention(k)]}: {T["Reports.Count"]}", $"{T[ReportTexts.Intervention(k)]}: {T["Reports.SumSek"]}" }),
                 $"{T["Reports.Total"]}: {T["Reports.Count"]}", $"{T["Reports.Total"]}: {T["Reports.SumSek"]}", T["Reports.Adults"]],
                [.. report.Years.Select(y => (IReadOnlyList<object>)[y.Year,
                    .. y.Interventions.Rows.SelectMany(r => new object[] { r.Count, r.Sum }),
                    y.Interventions.Total.Count, y.Interventions.Total.Sum, Cell(y.Persons, 0, 0)])]));
        }
        return sections;
    }

    public byte[] Csv(Report report)
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, CsvOptions, leaveOpen: true))
        {
            foreach (var section in Sections(report))
            {
                csv.WriteField(section.Title);
                csv.EndRecord();
                foreach (var header in section.Headers)
                    csv.WriteField(header);
                csv.EndRecord();
                foreach (var row in section.Rows)
                {
                    foreach (var cell in row)
                    {
                        switch (cell)
                        {
                            case decimal amount:
                                csv.WriteField(amount, "0.00");
                                break;
                            case int count:
                                csv.WriteField(count, "0");
                                break;
                            default:
                                csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "");
                                break;
                        }
                    }
                    csv.EndRecord();
                }
                // A blank row between the tables: one empty field, which CsvHelper writes as "" (a line of nothing would be no
                // record at all), and Excel shows as an empty cell.
                csv.WriteField("");
                csv.EndRecord();
            }
        }
        return bytes.ToArray();
    }

    /// <summary>A sheet a table, named by its title (Excel allows 31 characters and no <c>[]:*?/\</c>), with its headers as the first row.</summary>
    public byte[] Excel(Report report)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var section in Sections(report))
        {
            // The title up to an explanation in brackets, which the page's caption gives.
            var title = section.Title.Split(" (")[0];
            var name = new string([.. title.Where(c => !"[]:*?/\\".Contains(c, StringComparison.Ordinal))]);
            name = name.Length > 31 ? name[..31] : name;
            sheets[name] = section.Rows.Select(row => (IDictionary<string, object>)section.Headers.Select((h, i) => (h, i))
                .ToDictionary(c => c.h, c => c.i < row.Count ? row[c.i] : "")).ToList();
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: true);
        return stream.ToArray();
    }

    private ReportSection Table(string title, string first, CountTable table)
    {
        var headers = new List<string> { first };
        headers.AddRange(table.Columns);
        if (table.TotalColumn)
            headers.Add(T["Reports.Total"]);
        var rows = new List<IReadOnlyList<object>>();
        for (var i = 0; i < table.Height; i++)
        {
            var label = i < table.Rows.Count ? table.Rows[i] : T["Reports.Total"].Value;
            rows.Add([label, .. Enumerable.Range(0, table.Width).Select(j => Cell(table, i, j))]);
        }
        return new(title, headers, rows);
    }

    /// <summary>A count as a number when it is shown, otherwise its text ("&lt;3" or "..").</summary>
    private static object Cell(CountTable table, int row, int column) =>
        table.Shown(row, column) == CellShown.Count ? table.Values[row, column] : table.Text(row, column);

    private static IReadOnlyList<object> Row(params object[] cells) => cells;

    private static readonly CsvWriterOptions CsvOptions = new()
    {
        Separator = ';',
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        FormatProvider = SwedishNumbers(),
        Injection = CsvInjection.Escape,
        // One file of several tables (each with its title and header), so the records differ in length.
        ValidateFieldCount = false,
    };

    private static NumberFormatInfo SwedishNumbers()
    {
        var format = (NumberFormatInfo)CultureInfo.GetCultureInfo("sv-SE").NumberFormat.Clone();
        format.NumberDecimalSeparator = ",";
        format.NumberGroupSeparator = "";
        format.NegativeSign = "-";
        return NumberFormatInfo.ReadOnly(format);
    }
}

/// <summary>The message keys the report pages and files name their rows by.</summary>
public static class ReportTexts
{
    public static string Intervention(InterventionKind kind) => "Reports.Kind." + kind;

    /// <summary>Months in order as runs of consecutive months, so "2026-01 – 2026-02, 2026-04 – 2026-12" says which.</summary>
    public static IReadOnlyList<(InvoiceMonth First, InvoiceMonth Last)> Runs(IReadOnlyList<InvoiceMonth> months)
    {
        var runs = new List<(InvoiceMonth First, InvoiceMonth Last)>();
        foreach (var month in months)
        {
            if (runs.Count > 0 && runs[^1].Last.Next == month)
                runs[^1] = (runs[^1].First, month);
            else
                runs.Add((month, month));
        }
        return runs;
    }
}

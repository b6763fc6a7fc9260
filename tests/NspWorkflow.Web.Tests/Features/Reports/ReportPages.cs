using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace NspWorkflow.Web.Tests.Features.Reports;

/// <summary>Reads a report as a user checks it: a table of the page by its caption's id, a section of the CSV, a sheet of the Excel file.</summary>
internal static partial class ReportPages
{
    /// <summary>The rows of the page's table whose caption has <paramref name="captionId"/>, each as its cells' texts.</summary>
    public static List<List<string>> Table(string html, string captionId)
    {
        var start = html.IndexOf($"id=\"{captionId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table captioned {captionId}");
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        var table = html[start..end];
        return [.. Row().Matches(table).Select(r => Cell().Matches(r.Value).Select(c => Text(c.Groups[1].Value)).ToList()).Where(r => r.Count > 0)];
    }

    /// <summary>The rows of the CSV's section with <paramref name="title"/>: the header first, to the blank row after (an empty field, "").</summary>
    public static List<string> CsvSection(byte[] csv, string title)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n");
        var at = Array.IndexOf(lines, title);
        Assert.True(at >= 0, $"no section {title} in the CSV");
        return [.. lines.Skip(at + 1).TakeWhile(l => l is not ("" or "\"\""))];
    }

    /// <summary>The Excel sheet's rows as the cells' values (the header row first), read back with MiniExcel.</summary>
    public static List<List<object?>> Sheet(byte[] xlsx, string sheet)
    {
        using var stream = new MemoryStream(xlsx);
        Assert.Contains(sheet, stream.GetSheetNames());
        return [.. stream.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList())];
    }

    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(html, " ")).Trim() is var t ? Space().Replace(t, " ") : "";

    [GeneratedRegex(@"<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex(@"<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Space();
}

using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace NspWorkflow.Web.Features.Reports;

/// <summary>A bar of a chart: its label, its value (null when the value is not shown: no bar) and the value as the table shows it.</summary>
public sealed record ChartBar(string Label, decimal? Value, string Text);

/// <summary>
/// A horizontal bar chart drawn as SVG on the server: no script, so it prints as it shows and works without JavaScript, and
/// it scales to the width it is given (a phone's 390 px: the label above its bar, never beside it). It is hidden from
/// assistive technology: the table beside it is the report, the chart a picture of it. A count not shown in the table (a
/// small count) has no bar, so the picture never tells what the table hides.
/// </summary>
public static class BarChart
{
    private const int Width = 400;
    private const int RowHeight = 42;
    private const int BarMax = 290;

    public static IHtmlContent Render(IReadOnlyList<ChartBar> bars, string cssClass = "chart")
    {
        ArgumentNullException.ThrowIfNull(bars);
        var max = bars.Max(b => b.Value ?? 0m);
        var height = Math.Max(1, bars.Count) * RowHeight + 4;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"{cssClass}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"presentation\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * RowHeight;
            var length = max <= 0 || bar.Value is not { } value || value <= 0 ? 0 : (double)(value / max) * BarMax;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 14}\" class=\"label\">{WebUtility.HtmlEncode(bar.Label)}</text>");
            if (length > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + 19}\" width=\"{Math.Max(1, length):0.#}\" height=\"16\" class=\"bar\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{length + 6:0.#}\" y=\"{y + 32}\" class=\"value\">{WebUtility.HtmlEncode(bar.Text)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}

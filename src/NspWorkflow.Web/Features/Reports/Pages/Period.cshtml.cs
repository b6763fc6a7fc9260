using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Reports.Pages;

/// <summary>
/// /reports/period?from=&amp;to=: the report of any range of days (the coordinator's monthly follow-up; default this month
/// to today), with the annual report's sections but no comparison of years, printable, and as CSV and Excel.
/// </summary>
[Authorize]
public sealed class PeriodModel(ReportQueries queries, ReportExports exports, IStringLocalizer<SharedResource> T, TimeProvider time) : PageModel
{
    /// <summary>The longest range a report covers: ten years.</summary>
    public const int MaxDays = 3660;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public Report? Report { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReportAccess.MayRead(User))
            return Forbid();
        if (Read() is { } range)
            Report = await queries.PeriodAsync(range.From, range.To, SwedishCalendar.Today(time), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await FileAsync((report, name) => File(exports.Csv(report), "text/csv; charset=utf-8", name + ".csv"), cancellationToken);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        await FileAsync((report, name) => File(exports.Excel(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            cancellationToken);

    private async Task<IActionResult> FileAsync(Func<Report, string, IActionResult> file, CancellationToken cancellationToken)
    {
        if (!ReportAccess.MayRead(User))
            return Forbid();
        if (Read() is not { } range)
            return await OnGetAsync(cancellationToken);
        var report = await queries.PeriodAsync(range.From, range.To, SwedishCalendar.Today(time), cancellationToken);
        return file(report, $"rapport-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}");
    }

    /// <summary>The range asked for; null with <see cref="Errors"/> naming the field when it cannot be read.</summary>
    private (DateOnly From, DateOnly To)? Read()
    {
        var today = SwedishCalendar.Today(time);
        From ??= new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var from = Day(From, nameof(From), T["Reports.From"]);
        var to = Day(To, nameof(To), T["Reports.To"]);
        if (from is { } f && to is { } t)
        {
            if (t < f)
                Errors[nameof(To)] = T["Reports.ToBeforeFrom"];
            else if (t.DayNumber - f.DayNumber >= MaxDays)
                Errors[nameof(To)] = T["Reports.RangeTooLong"];
            else
                return (f, t);
        }
        return null;
    }

    private DateOnly? Day(string text, string field, string label)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= IndexModel.FirstYear)
            return day;
        Errors[field] = T["Reports.BadDayX0", label];
        return null;
    }
}

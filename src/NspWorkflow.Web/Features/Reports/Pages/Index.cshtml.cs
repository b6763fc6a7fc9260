using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Reports.Pages;

/// <summary>
/// /reports: the annual report of a year (default this year) with its charts and tables, and the same as CSV
/// (<c>?handler=csv</c>) and Excel (<c>?handler=xlsx</c>). Counts only; the reader, the coordinator and the administrator.
/// </summary>
[Authorize]
public sealed class IndexModel(ReportQueries queries, ReportExports exports, TimeProvider time) : PageModel
{
    public const int FirstYear = 2000;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public Report Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReportAccess.MayRead(User))
            return Forbid();
        Report = await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        !ReportAccess.MayRead(User) ? Forbid()
            : File(exports.Csv(await LoadAsync(cancellationToken)), "text/csv; charset=utf-8", $"arsrapport-{SelectedYear}.csv");

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        !ReportAccess.MayRead(User) ? Forbid()
            : File(exports.Excel(await LoadAsync(cancellationToken)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"arsrapport-{SelectedYear}.xlsx");

    /// <summary>The year asked for, kept within the years the program can have; this year when none is asked for.</summary>
    public int SelectedYear => Math.Clamp(Year ?? SwedishCalendar.Today(time).Year, FirstYear, SwedishCalendar.Today(time).Year + 1);

    private Task<Report> LoadAsync(CancellationToken cancellationToken) =>
        queries.AnnualAsync(SelectedYear, SwedishCalendar.Today(time), cancellationToken);
}

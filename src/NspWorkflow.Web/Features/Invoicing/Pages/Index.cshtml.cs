using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Invoicing.Pages;

/// <summary>
/// /invoices: the monthly invoice bases the user may see (a shelter its own), newest month first, filtered by where they
/// stand; the administrator builds a month's bases here (the job does it on the first of each month by itself).
/// </summary>
[Authorize(Roles.CaseWork)]
public sealed class IndexModel(InvoiceBases bases, InvoiceBasisJob job, InvoiceExports exports, IStringLocalizer<SharedResource> T, TimeProvider time) : PageModel
{
    /// <summary>Only bases in this state (ready, submitted, sentback, attested); none or unknown: all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The month the administrator builds (yyyy-MM, as a month field posts it).</summary>
    [BindProperty]
    public string? Month { get; set; }

    public IReadOnlyList<InvoiceBasisItem> Bases { get; private set; } = [];

    public string? MonthError { get; private set; }

    public string? Notice { get; private set; }

    public bool MayBuild => User.IsInRole(Roles.Admin);

    /// <summary>The last month that has ended, which the month field offers first.</summary>
    public InvoiceMonth LastEnded => InvoiceMonth.Of(SwedishCalendar.Today(time)).Previous;

    public static IReadOnlyList<InvoiceBasisStatus> Statuses { get; } = Enum.GetValues<InvoiceBasisStatus>();

    public async Task OnGetAsync(string? built, CancellationToken cancellationToken)
    {
        if (InvoiceMonth.TryParse(built, out var month))
            Notice = T["Invoices.BuiltX0", month.ToString()];
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostBuildAsync(CancellationToken cancellationToken)
    {
        if (!MayBuild)
            return Forbid();
        if (!InvoiceMonth.TryParse(Month, out var month))
            MonthError = T["Invoices.MonthRequired"];
        else if (month > LastEnded)
            MonthError = T["Invoices.MonthNotEnded"];
        if (MonthError is null)
        {
            switch (await job.BuildAsync(month, User.Actor(), cancellationToken))
            {
                case InvoiceRunResult.Built:
                    return RedirectToPage(new { built = month.ToString() });
                case InvoiceRunResult.AlreadyBuilt:
                    MonthError = T["Invoices.AlreadyBuiltX0", month.ToString()];
                    break;
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The attested invoices to pay, as CSV: for the coordinator and the administrator.</summary>
    public async Task<IActionResult> OnGetPaymentListAsync(CancellationToken cancellationToken) =>
        MayPay
            ? File(await exports.PaymentListAsync(cancellationToken), "text/csv; charset=utf-8",
                $"attesterade-fakturor-{SwedishCalendar.FormatDay(SwedishCalendar.Today(time))}.csv")
            : Forbid();

    public bool MayPay => User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var status = Enum.TryParse<InvoiceBasisStatus>(Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (InvoiceBasisStatus?)null;
        Status = status?.ToString().ToLowerInvariant();
        Bases = await bases.ListAsync(User, status, cancellationToken);
    }
}

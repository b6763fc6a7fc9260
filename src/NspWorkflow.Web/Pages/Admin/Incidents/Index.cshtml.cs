using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Hosting;
using NspWorkflow.Web.Workflows;

namespace NspWorkflow.Web.Pages.Admin.Incidents;

/// <summary>What the last retry did, shown once after the redirect.</summary>
public enum RetryNotice
{
    Continued,
    StoppedAgain,
    NothingToRetry,
    Changed,
    Refused,
}

/// <summary>/admin/incidents: workflow instances stopped by an error, and a way to run the failed steps again.</summary>
public sealed class IndexModel(WorkflowIncidentQueries incidents, IncidentRetry retry) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<OpenIncident> Incidents { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public RetryNotice? Retried { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Incidents = await incidents.ListOpenAsync(Shown, cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await retry.RetryAsync(id, null, User, cancellationToken);
        RetryNotice notice;
        switch (result.Outcome)
        {
            case EngineOutcome.NotFound:
                return NotFound();
            case EngineOutcome.Retried:
                var status = await incidents.StatusAsync(id, cancellationToken);
                notice = status is { Status: InstanceStatus.Incident } or { OpenIncidents: > 0 } ? RetryNotice.StoppedAgain : RetryNotice.Continued;
                break;
            case EngineOutcome.NoIncident:
                notice = RetryNotice.NothingToRetry;
                break;
            case EngineOutcome.Conflict:
                notice = RetryNotice.Changed;
                break;
            default:
                notice = RetryNotice.Refused;
                break;
        }

        return RedirectToPage(new { retried = notice });
    }

    public static string Time(DateTimeOffset time) =>
        SwedishCalendar.ToSwedish(time).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Swedish text (also the localization key) of a notice.</summary>
    public static string Text(RetryNotice notice) => notice switch
    {
        RetryNotice.Continued => "Instansen fortsätter.",
        RetryNotice.StoppedAgain => "Stegen kördes igen men instansen stannade på nytt. Se felet i listan.",
        RetryNotice.NothingToRetry => "Instansen hade inget att försöka igen.",
        RetryNotice.Changed => "Instansen ändrades samtidigt av något annat. Försök igen.",
        _ => "Försöket avvisades.",
    };
}

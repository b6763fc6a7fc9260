using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Workflows.Pages;

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
[Authorize(Roles.Admin)]
public sealed class IncidentsModel(WorkflowIncidentQueries incidents, IncidentRetry retry) : PageModel
{
    public const int Shown = 200;

    /// <summary>TempData key of a refused retry's reason: it survives exactly the redirect, and stays out of the URL.</summary>
    public const string RefusalKey = "IncidentRetryRefusal";

    /// <summary>A refused retry with the engine's reason (it names the process or element, never variable values).</summary>
    public const string RefusedWithReason = "TheRetryWasRefusedAndNothingChanged";

    public IReadOnlyList<OpenIncident> Incidents { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public RetryNotice? Retried { get; set; }

    /// <summary>Why the last retry was refused, when it was (only right after the redirect; a reload shows the generic notice).</summary>
    public string? RefusalReason { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Retried == RetryNotice.Refused && TempData[RefusalKey] is string { Length: > 0 } reason)
            RefusalReason = reason;
        Incidents = await incidents.ListOpenAsync(Shown, cancellationToken);
    }

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
                // The engine's reason says what to fix (e.g. which called process has no published version).
                if (result.Message is { Length: > 0 } message)
                    TempData[RefusalKey] = message;
                break;
        }

        return RedirectToPage(new { retried = notice });
    }

    public static string Time(DateTimeOffset time) => SwedishCalendar.Format(time);

    /// <summary>The message table key of a notice.</summary>
    public static string Text(RetryNotice notice) => notice switch
    {
        RetryNotice.Continued => "TheInstanceContinues",
        RetryNotice.StoppedAgain => "TheStepsRanAgainButTheInstance",
        RetryNotice.NothingToRetry => "TheInstanceHadNothingToRetry",
        RetryNotice.Changed => "TheInstanceWasChangedBySomethingElse",
        _ => "TheRetryWasRefused",
    };
}

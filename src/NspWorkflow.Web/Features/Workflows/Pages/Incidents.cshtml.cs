using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Workflows.Pages;

/// <summary>/admin/incidents: workflow instances stopped by an error, and a way to run the failed steps again.</summary>
[Authorize(Roles.Admin)]
public sealed class IncidentsModel(WorkflowIncidentQueries incidents, IncidentRetry retry, InstanceView instances, IWorkflowSubjectLinks links)
    : PageModel
{
    public const int Shown = 200;

    /// <summary>TempData key of a refused retry's reason: it survives exactly the redirect, and stays out of the URL.</summary>
    public const string RefusalKey = "IncidentRetryRefusal";

    /// <summary>A refused retry with the engine's reason (it names the process or element, never variable values).</summary>
    public const string RefusedWithReason = "TheRetryWasRefusedAndNothingChanged";

    public IReadOnlyList<OpenIncident> Incidents { get; private set; } = [];

    /// <summary>The view of each listed instance within the subject it serves (a case's instance view), where there is one.</summary>
    public IReadOnlyDictionary<Guid, string> SubjectViews { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty(SupportsGet = true)]
    public RetryNotice? Retried { get; set; }

    /// <summary>Why the last retry was refused, when it was (only right after the redirect; a reload shows the generic notice).</summary>
    public string? RefusalReason { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Retried == RetryNotice.Refused && TempData[RefusalKey] is string { Length: > 0 } reason)
            RefusalReason = reason;
        Incidents = await incidents.ListOpenAsync(Shown, cancellationToken);
        var subjects = await instances.SubjectsOfAsync([.. Incidents.Select(i => i.InstanceId)], cancellationToken);
        SubjectViews = subjects
            .Select(s => (s.Key, View: links.InstanceViewOf(s.Value.Kind, s.Value.Key, s.Key)))
            .Where(s => s.View is not null)
            .ToDictionary(s => s.Key, s => s.View!);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var answer = await retry.RetryForPageAsync(id, User, cancellationToken);
        if (answer.Notice is not { } notice)
            return NotFound();
        if (answer.RefusalReason is { } reason)
            TempData[RefusalKey] = reason;
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

using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Web.Features.Workflows;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Cases.Pages;

/// <summary>
/// /cases/{id}/workflow: where the case stands in its workflows, for the coordinator and administrators. A case runs
/// several instances (the case, its called admission and periods, its point interventions and supplement): all are
/// listed, with the steps they wait at, their timers and incidents; one is shown as the diagram of the exact version it
/// runs on, with its journal. The page lives with the case pages because it is one (same address, same 404 to whoever may
/// not see it); the reading of instances is the workflow feature's (<see cref="InstanceView"/>). An administrator retries an
/// incident here as on the incidents page. Shows ids, the case reference and the definitions' names only.
/// </summary>
[Authorize]
public sealed class WorkflowModel(CaseWorkspace workspace, InstanceView view, IncidentRetry retry) : PageModel
{
    /// <summary>TempData key of a refused retry's reason, as on the incidents page: it survives exactly the redirect.</summary>
    public const string RefusalKey = "InstanceViewRetryRefusal";

    public Guid CaseId { get; private set; }

    public string Reference { get; private set; } = "";

    public InstanceOverview Overview { get; private set; } = null!;

    /// <summary>The instance to show in detail; the likeliest one when none is named.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Instance { get; set; }

    [BindProperty(SupportsGet = true)]
    public RetryNotice? Retried { get; set; }

    public string? RefusalReason { get; private set; }

    /// <summary>The coordinator and administrators see a case's workflow; to anyone else the page does not exist.</summary>
    public static bool MayView(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);

    /// <summary>Retrying is an administrator's, as on the incidents page and in the API.</summary>
    public bool MayRetry => User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!MayView(User) || await workspace.LoadAsync(id, cancellationToken) is not { } found)
            return NotFound();
        if (await view.ReadAsync(CaseTaskSubjects.CaseKind, id.ToString(), Instance, cancellationToken) is not { } overview)
            return NotFound();
        if (Retried == RetryNotice.Refused && TempData[RefusalKey] is string { Length: > 0 } reason)
            RefusalReason = reason;

        CaseId = id;
        Reference = found.Reference;
        Overview = overview;
        // A read of the case's workflow is a read of the case: the case's trail names who looked.
        workspace.Audit(CaseAccess.Actor(User), "case.workflow.read", found);
        await workspace.SaveAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, Guid instance, CancellationToken cancellationToken)
    {
        if (!MayView(User))
            return NotFound();
        if (!MayRetry)
            return Forbid();
        if (!await view.ServesAsync(CaseTaskSubjects.CaseKind, id.ToString(), instance, cancellationToken))
            return NotFound();
        var answer = await retry.RetryForPageAsync(instance, User, cancellationToken);
        if (answer.Notice is not { } notice)
            return NotFound();
        if (answer.RefusalReason is { } reason)
            TempData[RefusalKey] = reason;
        return Redirect($"/cases/{id}/workflow?instance={instance}&retried={notice}#incidents-heading");
    }

    public bool IsSelected(InstanceSummary instance) => Overview.Selected?.Instance.Id == instance.Id;

    public string InstanceLink(Guid instance) => $"/cases/{CaseId}/workflow?instance={instance}";

    /// <summary>The instance's process name, for steps of an instance that is listed (a called one's may be older).</summary>
    public string ProcessOf(Guid instance) => Overview.Instances.FirstOrDefault(i => i.Id == instance)?.ProcessName ?? instance.ToString();

    /// <summary>
    /// What the diagram script reads (the version's file and the elements to mark), as JSON for a <c>script</c> element
    /// of type application/json. The serializer escapes &lt; and &gt;, so the file cannot end the element early.
    /// </summary>
    public string DiagramJson(IReadOnlyDictionary<string, string> labels) =>
        Overview.Selected?.Diagram is not { } diagram ? "null" : JsonSerializer.Serialize(new
        {
            processId = diagram.ProcessId,
            xml = diagram.Xml,
            current = diagram.Current,
            timers = diagram.Timers,
            incidents = diagram.Incidents,
            passed = diagram.Passed,
            labels,
        });

    public static string Time(DateTimeOffset at) => SwedishCalendar.Format(at);

    /// <summary>The instant for a <c>time</c> element: Swedish time with its offset.</summary>
    public static string Machine(DateTimeOffset at) => Timeline.CaseTimeline.Machine(at);

    public static string StatusLabel(InstanceStatus status) => status switch
    {
        InstanceStatus.Running => "InstanceView.Status.Running",
        InstanceStatus.Incident => "InstanceView.Status.Incident",
        InstanceStatus.Completed => "InstanceView.Status.Completed",
        _ => "InstanceView.Status.Terminated",
    };

    /// <summary>The message key of what a journal line says happened at its element.</summary>
    public static string KindLabel(JournalKind kind) => kind switch
    {
        JournalKind.Entered => "InstanceView.Journal.Entered",
        JournalKind.Left => "InstanceView.Journal.Left",
        JournalKind.Cancelled => "InstanceView.Journal.Cancelled",
        JournalKind.Incident => "InstanceView.Journal.Incident",
        JournalKind.TaskCompleted => "InstanceView.Journal.TaskCompleted",
        _ => "InstanceView.Journal.IncidentRetried",
    };

    /// <summary>The message key of the role a task waits for.</summary>
    public static string RoleLabel(string? role) => role switch
    {
        Roles.Shelter => "Timeline.Role.shelter",
        Roles.Coordinator => "Timeline.Role.coordinator",
        _ => "Timeline.Role.unknown",
    };

    /// <summary>Who acted, as the timeline shows it: a person's or client's name, never an address.</summary>
    public static string? Actor(string? actor) =>
        string.IsNullOrWhiteSpace(actor) || actor.Contains('@', StringComparison.Ordinal) ? null : actor;
}

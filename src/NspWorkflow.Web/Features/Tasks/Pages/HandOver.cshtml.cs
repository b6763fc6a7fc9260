using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Web.Features.Tasks.Assignments;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>
/// POST /tasks/{id}/hand-over: hands an open coordinator task to a colleague and goes back to the task page, which tells
/// how it went (a hand-over made meanwhile by someone else: to whom, by whom and when).
/// </summary>
[Authorize(Roles.Coordinator)]
public sealed class HandOverModel(TaskAssignments assignments, IStringLocalizer<SharedResource> T) : PageModel
{
    /// <summary>TempData keys the task page reads: the notice after a hand-over, and the error of the hand-over form.</summary>
    public const string DoneKey = "Task.HandedOver", ErrorKey = "Task.HandOverError";

    public IActionResult OnGet(Guid id) => Redirect($"/tasks/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, string? to, string? current, string? from, CancellationToken cancellationToken)
    {
        var result = await assignments.HandOverAsync(id, to, current, User, cancellationToken);
        switch (result.Status)
        {
            case HandOverStatus.NotFound:
                return NotFound();
            case HandOverStatus.Done:
                TempData[DoneKey] = T["Task.HandedOverToX0", result.Current!.AssignedToName].Value;
                break;
            case HandOverStatus.UnknownCoordinator:
                TempData[ErrorKey] = T[string.IsNullOrEmpty(to) ? "Task.HandOverChooseColleague" : "Task.HandOverUnknownColleague"].Value;
                break;
            case HandOverStatus.Conflict:
                TempData[ErrorKey] = result.Current is { } now
                    ? T["Task.AlreadyHandedOverToX0ByX1AtX2", now.AssignedToName, now.AssignedBy, TaskDisplay.Time(now.AssignedAt)].Value
                    : T["Task.HandOverTakenBack"].Value;
                break;
        }

        return Redirect($"/tasks/{id}" + (from == DetailsModel.FromInbox ? $"?from={DetailsModel.FromInbox}" : ""));
    }
}

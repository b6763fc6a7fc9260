using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Certification.Pages;

/// <summary>
/// /certification: the shelters' certifications and their deadlines (a shelter sees its own). The coordinator starts a
/// shelter's certification here, and a shelter its own; the questionnaire then comes as the shelter's task.
/// </summary>
[Authorize(Roles.CaseWork)]
public sealed class IndexModel(CertificationOverview overview, Certifications certifications, IStringLocalizer<SharedResource> T, TimeProvider time) : PageModel
{
    public IReadOnlyList<CertificationLine> Lines { get; private set; } = [];

    public DateOnly Today => SwedishCalendar.Today(time);

    public string? Notice { get; private set; }

    public bool MayStart(Guid shelterId) => User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin) || User.IsShelterOf(shelterId);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Lines = await overview.LinesAsync(User, Today, cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(Guid shelterId, CancellationToken cancellationToken)
    {
        if (!MayStart(shelterId))
            return Forbid();
        switch (await certifications.StartAsync(shelterId, User.Actor(), cancellationToken))
        {
            case CertificationStartResult.Started started:
                return Redirect($"/certification/{started.Id}?started=true");
            case CertificationStartResult.AlreadyStarted already:
                Notice = T["Certification.AlreadyStarted"];
                Lines = await overview.LinesAsync(User, Today, cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data.Certification;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Certification.Pages;

/// <summary>
/// /certification: the shelters' certifications and their deadlines (a shelter sees its own). The coordinator starts a
/// shelter's certification here, and a shelter its own; the questionnaire then comes as the shelter's task. Likewise the
/// year's routine check of a certified shelter, whose report then comes as the shelter's task.
/// </summary>
[Authorize(Roles.CaseWork)]
public sealed class IndexModel(CertificationOverview overview, Certifications certifications, RoutineChecks routineChecks, IStringLocalizer<SharedResource> T,
    TimeProvider time) : PageModel
{
    public IReadOnlyList<CertificationLine> Lines { get; private set; } = [];

    public DateOnly Today => SwedishCalendar.Today(time);

    public string? Notice { get; private set; }

    /// <summary>This year's routine check of each shelter that has one.</summary>
    public IReadOnlyDictionary<Guid, RoutineCheckRow> RoutineChecks { get; private set; } = new Dictionary<Guid, RoutineCheckRow>();

    public bool MayStart(Guid shelterId) => User.MayWorkForShelter(shelterId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Lines = await overview.LinesAsync(User, Today, cancellationToken);
        RoutineChecks = await routineChecks.OfYearAsync(Today.Year, cancellationToken);
    }

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
                await OnGetAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostStartRoutineCheckAsync(Guid shelterId, CancellationToken cancellationToken)
    {
        if (!MayStart(shelterId))
            return Forbid();
        switch (await routineChecks.StartAsync(shelterId, Today.Year, User.Actor(), cancellationToken))
        {
            case RoutineCheckStartResult.Started started:
                return Redirect($"{RoutineCheckNames.LinkOf(started.Id)}?started=true");
            case RoutineCheckStartResult.AlreadyStarted:
                Notice = T["RoutineCheck.AlreadyStarted"];
                await OnGetAsync(cancellationToken);
                return Page();
            case RoutineCheckStartResult.NotCertified:
                Notice = T["RoutineCheck.NotCertified"];
                await OnGetAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }
}

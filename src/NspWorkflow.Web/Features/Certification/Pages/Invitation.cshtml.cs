using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data.Certification;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Features.Shelters;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Certification.Pages;

/// <summary>
/// /certification/invitations/{id}: an invitation as the coordinator reviews it: the answers once they have come, then
/// admission to the register (the shelter's certification goes on from the review) or a decline with a reason.
/// </summary>
[Authorize(ShelterPolicies.Manage)]
public sealed class InvitationModel(CertificationInvitations invitations, RequirementCatalogs catalogs, RuleViolationTexts violations,
    IStringLocalizer<SharedResource> T, TimeProvider time) : PageModel
{
    public CertificationInvitationRow Row { get; private set; } = null!;

    public CertificationInvitation Invitation { get; private set; } = null!;

    public RequirementCatalog Requirements { get; private set; } = null!;

    public DateOnly Today => SwedishCalendar.Today(time);

    public PageErrors Errors { get; } = new();

    public string? Comment { get; private set; }

    public bool MayAdmit => Invitation.Stage == InvitationStage.Submitted;

    public bool MayDecline => Invitation.Stage is InvitationStage.Invited or InvitationStage.Submitted;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAdmitAsync(Guid id, Guid version, CancellationToken cancellationToken)
    {
        var result = await invitations.AdmitAsync(id, version, User.Actor(), cancellationToken);
        return result is InvitationResult.Done done ? Redirect($"/certification/{done.Id}?admitted=true") : await RefusedAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, Guid version, string? comment, CancellationToken cancellationToken)
    {
        Comment = comment;
        var result = await invitations.DeclineAsync(id, version, comment, User.Actor(), cancellationToken);
        return result is InvitationResult.Done ? Redirect($"/{InvitationLinks.Review(id)}") : await RefusedAsync(id, result, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(Guid id, InvitationResult result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case InvitationResult.NotFound:
                return NotFound();
            case InvitationResult.Conflict:
                Errors.Add(null, T["Certification.InvitationConflict"], null);
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case InvitationResult.Refused refused:
                foreach (var violation in refused.Violations)
                {
                    if (violation.Field == "comment")
                        Errors.Add("comment", violations.Message(violation, T["Certification.DeclineReason"]), "decline-comment");
                    else if (violation.Code == Domain.RuleViolationCode.Duplicate)
                        Errors.Add(null, T["Certification.InvitedShelterInRegister", violation.Arguments.FirstOrDefault() ?? ""], null);
                    else
                        Errors.Add(null, violations.Message(violation), null);
                }

                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await invitations.RowAsync(id, cancellationToken) is not { } row)
            return false;
        Row = row;
        Invitation = InvitationDocument.Read(row);
        Requirements = await catalogs.ForYearAsync(row.RequirementsYear, cancellationToken);
        return true;
    }
}

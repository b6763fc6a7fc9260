using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Features.Shelters;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Certification.Pages;

/// <summary>
/// /certification/invitations: the coordinator invites a shelter not yet in the register (its name, region and address;
/// the mail carries the link to the questionnaire) and follows the invitations: sent, answered (to review), admitted or declined.
/// </summary>
[Authorize(ShelterPolicies.Manage)]
public sealed class InvitationsModel(CertificationInvitations invitations, RuleViolationTexts violations, IStringLocalizer<SharedResource> T,
    TimeProvider time) : PageModel
{
    public IReadOnlyList<CertificationInvitation> Invitations { get; private set; } = [];

    public DateOnly Today => SwedishCalendar.Today(time);

    public PageErrors Errors { get; } = new();

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    /// <summary>The invitation just sent, to confirm it.</summary>
    public CertificationInvitation? Invited { get; private set; }

    public async Task OnGetAsync(Guid? invited, CancellationToken cancellationToken)
    {
        Invitations = await invitations.ListAsync(cancellationToken);
        Invited = Invitations.FirstOrDefault(i => i.Id == invited);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A region that did not bind is named as missing, like one not chosen.
        var region = Enum.TryParse<Region>(Input.Region, out var chosen) && Enum.IsDefined(chosen) ? chosen : (Region)(-1);
        switch (await invitations.InviteAsync(Input.ShelterName, region, Input.ContactEmail, User.Actor(), cancellationToken))
        {
            case InvitationResult.Done done:
                return Redirect($"/{InvitationLinks.List}?invited={done.Id}");
            case InvitationResult.Refused refused:
                foreach (var violation in refused.Violations)
                {
                    var (label, inputId) = violation.Field switch
                    {
                        nameof(CertificationInvitation.ShelterName) => ("Certification.InvitedShelterName", "Input_ShelterName"),
                        nameof(CertificationInvitation.Region) => ("Region", "Input_Region"),
                        _ => ("Certification.InvitationEmail", "Input_ContactEmail"),
                    };
                    var message = violation.Code == Domain.RuleViolationCode.Duplicate
                        ? T["Certification.InvitedShelterInRegister", Input.ShelterName?.Trim() ?? ""].Value
                        : violation.Field == nameof(CertificationInvitation.Region) ? T["ChooseARegion"].Value : violations.Message(violation, T[label]);
                    Errors.Add(violation.Field, message, inputId);
                }

                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                await OnGetAsync(null, cancellationToken);
                return Page();
            default:
                throw new InvalidOperationException("An unknown result of an invitation.");
        }
    }

    /// <summary>The invite form as posted.</summary>
    public sealed class InviteInput
    {
        public string? ShelterName { get; set; }
        public string? Region { get; set; }
        public string? ContactEmail { get; set; }
    }
}

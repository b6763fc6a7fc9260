using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Certification.Pages;

/// <summary>
/// /certification/invitation/{token}: the questionnaire a shelter not yet in the register answers through its invitation's
/// link, without an account. The link is the key: one that is unknown is not found, one that has been answered, declined
/// or has passed its last day says so and opens no form.
/// </summary>
[AllowAnonymous]
public sealed class AnswerModel(CertificationInvitations invitations, RuleViolationTexts violations, IStringLocalizer<SharedResource> T,
    TimeProvider time) : PageModel
{
    public CertificationInvitation Invitation { get; private set; } = null!;

    public RequirementCatalog Requirements { get; private set; } = null!;

    [BindProperty]
    public QuestionnaireData Input { get; set; } = new();

    public PageErrors Errors { get; } = new();

    public bool IsOpen => Invitation.IsOpen(SwedishCalendar.Today(time));

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await invitations.OpenAsync(token, cancellationToken) is not var (_, invitation, requirements))
            return NotFound();
        (Invitation, Requirements) = (invitation, requirements);
        Input = QuestionnaireData.Blank(requirements);
        if (!IsOpen && invitation.Stage is InvitationStage.Invited or InvitationStage.Declined)
            Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var result = await invitations.SubmitAsync(token, Input.ToQuestionnaire(), cancellationToken);
        if (result is InvitationResult.Done)
            return Redirect($"/{InvitationLinks.Questionnaire(token)}");
        if (result is InvitationResult.NotFound || await invitations.OpenAsync(token, cancellationToken) is not var (_, invitation, requirements))
            return NotFound();
        (Invitation, Requirements) = (invitation, requirements);
        if (result is InvitationResult.Conflict)
            Errors.Add(null, T["Certification.InvitationConflict"], null);
        foreach (var violation in (result as InvitationResult.Refused)?.Violations ?? [])
        {
            var inputId = QuestionnaireFields.InputIdOf(violation.Field);
            var label = inputId is null ? null : QuestionnaireFields.LabelOf(violation.Field, requirements);
            var message = violation.Code == Domain.RuleViolationCode.Expired
                ? T["Certification.InvitationExpired"].Value
                : label is null ? violations.Message(violation) : violations.Message(violation, T[label.Key, label.Arguments]);
            Errors.Add(inputId is null ? null : violation.Field, message, inputId);
        }

        Response.StatusCode = result is InvitationResult.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}

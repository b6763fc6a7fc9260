using System.Text;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// The invitation's mail, added to the unit of work that stores the invitation: to the shelter, the link to the
/// questionnaire and its last day; to the coordinator, that the answers have come. In Swedish; nothing in them concerns a person.
/// </summary>
public sealed class InvitationMail(IMailOutbox outbox, IMailKick kick, MessageTable texts, CoordinatorDigestOptions coordinator, AppOptions app)
{
    public const string Kind = "certification-invitation";

    public void Invitation(CertificationInvitation invitation, string token)
    {
        var link = new Uri(app.PublicUrl, InvitationLinks.Questionnaire(token));
        var body = new StringBuilder()
            .AppendLine(Swedish("Mail.CertificationInvitation.Intro", invitation.ShelterName))
            .AppendLine()
            .AppendLine(Swedish("Mail.CertificationInvitation.Open", link))
            .AppendLine(Swedish("Mail.CertificationInvitation.LastDay", SwedishCalendar.FormatDay(invitation.LastDay)))
            .AppendLine().AppendLine(Swedish("Mail.CertificationInvitation.KeepLink"));
        outbox.Enqueue(new OutboxMailDraft([invitation.ContactEmail], Swedish("Mail.CertificationInvitation.Subject"), body.ToString(), Kind));
    }

    public void Answered(CertificationInvitation invitation)
    {
        if (coordinator.Addresses.Count == 0)
            return;
        var link = new Uri(app.PublicUrl, InvitationLinks.Review(invitation.Id));
        var body = new StringBuilder()
            .AppendLine(Swedish("Mail.CertificationInvitationAnswered.Intro", invitation.ShelterName))
            .AppendLine(Swedish("Mail.CertificationDeadline.Open", link))
            .AppendLine().AppendLine(Swedish("Mail.SignIn"));
        outbox.Enqueue(new OutboxMailDraft(coordinator.Addresses, Swedish("Mail.CertificationInvitationAnswered.Subject", invitation.ShelterName),
            body.ToString(), Kind));
    }

    /// <summary>Sends what was enqueued, once the unit of work has committed.</summary>
    public void Kick() => kick.Kick();

    private string Swedish(string key, params object?[] arguments) => texts.Text(key, MessageTable.Swedish, arguments);
}

/// <summary>The invitation pages' addresses, relative to the app's public address.</summary>
public static class InvitationLinks
{
    public const string List = "certification/invitations";

    public static string Questionnaire(string token) => $"certification/invitation/{token}";

    public static string Review(Guid id) => $"certification/invitations/{id}";
}

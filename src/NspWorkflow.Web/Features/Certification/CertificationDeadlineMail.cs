using System.Text;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// The deadline job's mail, added to the unit of work that records the notice: the day, the days left and a link to the
/// certification; never a case, and not the action's text (free text is read behind the sign-in). In Swedish. The
/// coordinator's go to the digest's addresses.
/// </summary>
public sealed class CertificationDeadlineMail(IMailOutbox outbox, IMailKick kick, MessageTable texts, CoordinatorDigestOptions coordinator, AppOptions app)
{
    public const string Kind = "certification";

    /// <summary>To the shelter: its certification's last day, or an action's deadline, is <paramref name="daysLeft"/> days away.</summary>
    public void Reminder(ShelterDeadline deadline, int daysLeft)
    {
        var prefix = deadline.Deadline.Kind == DeadlineKind.Action ? "Mail.CertificationDeadline.ActionReminder" : "Mail.CertificationDeadline.Reminder";
        var day = SwedishCalendar.FormatDay(deadline.Deadline.Date);
        Enqueue(deadline.Shelter.ContactEmails, Swedish($"{prefix}.Subject", day), Swedish($"{prefix}.Intro", day, daysLeft), deadline);
    }

    /// <summary>To the coordinator: an action of the shelter's plan was not accepted by its deadline.</summary>
    public void ActionOverdue(ShelterDeadline deadline) =>
        Enqueue(coordinator.Addresses, Swedish("Mail.CertificationDeadline.ActionOverdue.Subject", deadline.Shelter.Name),
            Swedish("Mail.CertificationDeadline.ActionOverdue.Intro", deadline.Shelter.Name, SwedishCalendar.FormatDay(deadline.Deadline.Date)), deadline);

    /// <summary>To the shelter and, apart, to the coordinator: the certification has lapsed, and what that stops.</summary>
    public void Lapsed(ShelterDeadline deadline)
    {
        var subject = Swedish("Mail.CertificationDeadline.Lapsed.Subject", deadline.Shelter.Name);
        var intro = Swedish("Mail.CertificationDeadline.Lapsed.Intro", deadline.Shelter.Name, SwedishCalendar.FormatDay(deadline.Deadline.Date));
        Enqueue(deadline.Shelter.ContactEmails, subject, intro, deadline);
        Enqueue(coordinator.Addresses, subject, intro, deadline);
    }

    /// <summary>Sends what was enqueued, once the unit of work has committed.</summary>
    public void Kick() => kick.Kick();

    private void Enqueue(IReadOnlyList<string> to, string subject, string intro, ShelterDeadline deadline)
    {
        if (to.Count == 0)
            return;
        var link = new Uri(app.PublicUrl, deadline.CertificationId is { } id ? $"certification/{id}" : "certification");
        var body = new StringBuilder()
            .AppendLine(intro)
            .AppendLine(Swedish("Mail.CertificationDeadline.Open", link))
            .AppendLine().AppendLine(Swedish("Mail.SignIn"));
        outbox.Enqueue(new OutboxMailDraft(to, subject, body.ToString(), Kind));
    }

    private string Swedish(string key, params object?[] arguments) => texts.Text(key, MessageTable.Swedish, arguments);
}

using System.Text;
using MimeKit;
using MimeKit.Text;
using NspWorkflow.Data.Outbox;

namespace NspWorkflow.Web.Features.Mail;

/// <summary>Turns an outbox row into a MIME message the same way for every transport.</summary>
public sealed class MailMessageBuilder
{
    private readonly MailboxAddress from;

    public MailMessageBuilder(MailOptions options)
    {
        if (!MailboxAddress.TryParse(options.From, out var parsed) || !MailAddresses.HasDomain(parsed))
            throw new InvalidOperationException("Mail:From is not a valid e-mail address.");
        from = parsed;
    }

    public MimeMessage Build(OutboxMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        foreach (var to in mail.To)
            message.To.Add(MailboxAddress.Parse(to));
        message.Subject = mail.Subject;
        // The creation time and an id from the outbox row: every retry is the same message, recognisable as a duplicate.
        message.Date = mail.CreatedAt;
        message.MessageId = MessageIdFor(mail.Id);
        // RFC 3834: keeps out-of-office replies away from the no-reply sender.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new TextPart(TextFormat.Plain);
        body.SetText(Encoding.UTF8, mail.TextBody);
        message.Body = body;
        return message;
    }

    /// <summary>The Message-Id (without angle brackets) of an outbox mail.</summary>
    public string MessageIdFor(Guid mailId) => $"{mailId:N}.outbox@{from.Domain}";
}

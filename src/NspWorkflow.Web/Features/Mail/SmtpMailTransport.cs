using MailKit.Net.Smtp;
using NspWorkflow.Data.Outbox;

namespace NspWorkflow.Web.Features.Mail;

/// <summary>Sends over SMTP with MailKit, one connection per mail: simple, and no idle connection to go stale.</summary>
public sealed class SmtpMailTransport(MailOptions options, MailMessageBuilder builder) : IMailTransport
{
    public async Task SendAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        var message = builder.Build(mail);
        var smtp = options.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The server has accepted the mail; failing now would send it a second time on retry.
        }
    }
}

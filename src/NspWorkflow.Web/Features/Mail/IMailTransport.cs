using NspWorkflow.Data.Outbox;

namespace NspWorkflow.Web.Features.Mail;

/// <summary>Delivers one outbox mail: over SMTP, or as a file when no server is configured.</summary>
public interface IMailTransport
{
    /// <summary>Throws when the mail was not delivered; the sender records the failure and retries later.</summary>
    Task SendAsync(OutboxMail mail, CancellationToken cancellationToken);
}

using NspWorkflow.Data.Outbox;

namespace NspWorkflow.Web.Features.Mail;

/// <summary>
/// The embedded default: each mail becomes <c>&lt;id&gt;.eml</c> in the pickup directory, where a person or a
/// mail server's pickup service can take it.
/// </summary>
public sealed class PickupDirectoryMailTransport(MailOptions options, MailMessageBuilder builder) : IMailTransport
{
    public async Task SendAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.PickupDirectory);
        var message = builder.Build(mail);
        var path = PathFor(mail.Id);
        // Written under another name and moved into place, so nobody picks up half a file.
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
            await message.WriteToAsync(stream, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public string PathFor(Guid mailId) => Path.Combine(options.PickupDirectory, $"{mailId:N}.eml");
}

using MimeKit;
using NspWorkflow.Data.Outbox;
using NspWorkflow.Web.Features.Mail;

namespace NspWorkflow.Web.Tests.Features.Mail;

public sealed class PickupDirectoryTests
{
    [Fact]
    public async Task Without_an_smtp_host_mail_is_written_as_a_parseable_eml_file_under_the_data_folder()
    {
        await using var mail = await MailTestServices.WithPickupDirectoryAsync();
        var id = await mail.EnqueueAsync(new OutboxMailDraft(
            ["samordnare@nsp.example"], "Beslut väntar: förlängning NSP-2026-0007", "Öppna: https://nsp.example/inbox\n", "task"));

        Assert.Equal(1, await mail.SweepAsync());

        var file = Path.Combine(mail.DataPath, "mail", $"{id:N}.eml");
        Assert.True(File.Exists(file), "The mail is written to <data>/mail/<id>.eml.");
        Assert.Single(Directory.GetFiles(Path.Combine(mail.DataPath, "mail")));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("samordnare@nsp.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Beslut väntar: förlängning NSP-2026-0007", message.Subject);
        Assert.Equal("Öppna: https://nsp.example/inbox\n".ReplaceLineEndings(), message.TextBody?.ReplaceLineEndings());
        Assert.Equal($"{id:N}.outbox@nsp.example", message.MessageId);
        Assert.Equal(OutboxMailStatus.Sent, (await mail.GetAsync(id)).Status);
    }
}

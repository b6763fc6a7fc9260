using NspWorkflow.Data.Outbox;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Mail;

/// <summary>The outbox delivering through a real SMTP conversation with aiosmtpd.</summary>
public sealed class OutboxMailSmtpTests : IDisposable
{
    private const string Recipient = "handlaggare@boende.example";
    private const string Subject = "Ny uppgift: ansökan om tillträde NSP-2026-0042";
    private const string Body = "En ansökan väntar på er.\nÖppna uppgiften: https://nsp.example/tasks/7f3c\n";

    private readonly SmtpServerFixture smtp = new();

    public void Dispose() => smtp.Dispose();

    [Fact]
    public async Task Enqueued_mail_is_delivered_over_smtp_and_marked_sent()
    {
        await using var mail = await MailTestServices.WithSmtpAsync(smtp.Port);
        var id = await mail.EnqueueAsync(new OutboxMailDraft([Recipient, "samordnare@nsp.example"], Subject, Body, "task"));

        var sent = await mail.SweepAsync();

        Assert.Equal(1, sent);
        var received = Assert.Single(smtp.ReceivedMessages());
        Assert.Equal([Recipient, "samordnare@nsp.example"], received.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("no-reply@nsp.example", Assert.Single(received.From.Mailboxes).Address);
        Assert.Equal(Subject, received.Subject);
        Assert.Equal(Body.ReplaceLineEndings(), received.TextBody?.ReplaceLineEndings());
        Assert.Equal($"{id:N}.outbox@nsp.example", received.MessageId);

        var row = await mail.GetAsync(id);
        Assert.Equal(OutboxMailStatus.Sent, row.Status);
        Assert.Equal(mail.Time.GetUtcNow(), row.SentAt);
        Assert.Null(row.ClaimToken);
        Assert.Equal(0, await mail.SweepAsync());
        Assert.Single(smtp.ReceivedMessages());
    }

    [Fact]
    public async Task Smtp_server_down_is_retried_after_the_backoff_and_delivered_once()
    {
        await using var mail = await MailTestServices.WithSmtpAsync(smtp.Port);
        var id = await mail.EnqueueAsync(new OutboxMailDraft([Recipient], Subject, Body, "reminder"));
        smtp.Stop();

        Assert.Equal(0, await mail.SweepAsync());

        var failed = await mail.GetAsync(id);
        Assert.Equal(OutboxMailStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));
        Assert.DoesNotContain(Recipient, failed.LastError);
        Assert.DoesNotContain(Subject, failed.LastError);
        Assert.Equal(mail.Time.GetUtcNow() + TimeSpan.FromMinutes(1), failed.NextAttemptAt);
        Assert.Null(failed.ClaimToken);

        // Before the backoff has passed the mail is not even tried, whether or not the server is back.
        smtp.Start();
        mail.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await mail.SweepAsync());
        Assert.Equal(1, (await mail.GetAsync(id)).Attempts);
        Assert.Empty(smtp.ReceivedMessages());

        mail.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await mail.SweepAsync());
        Assert.Equal(0, await mail.SweepAsync());

        var received = Assert.Single(smtp.ReceivedMessages());
        Assert.Equal(Subject, received.Subject);
        var sent = await mail.GetAsync(id);
        Assert.Equal(OutboxMailStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);

        // Nothing personal in what the sender logged about the failure.
        var logs = string.Join("\n", mail.Logs.Lines);
        Assert.Contains(id.ToString(), logs);
        Assert.DoesNotContain(Recipient, logs);
        Assert.DoesNotContain(Subject, logs);
    }

    [Fact]
    public async Task Mail_that_keeps_failing_is_kept_as_failed_and_goes_out_when_resent()
    {
        await using var mail = await MailTestServices.WithSmtpAsync(smtp.Port, maxAttempts: 3);
        var id = await mail.EnqueueAsync(new OutboxMailDraft([Recipient], Subject, Body, "task"));
        smtp.Stop();

        await mail.SweepAsync();
        mail.Time.Advance(TimeSpan.FromMinutes(1));
        await mail.SweepAsync();
        mail.Time.Advance(TimeSpan.FromMinutes(2));
        await mail.SweepAsync();

        var failed = await mail.GetAsync(id);
        Assert.Equal(OutboxMailStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.NotNull(failed.LastError);

        // A failed mail is neither retried nor deleted.
        smtp.Start();
        mail.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await mail.SweepAsync());
        Assert.Empty(smtp.ReceivedMessages());
        Assert.Equal(OutboxMailStatus.Failed, (await mail.GetAsync(id)).Status);

        Assert.True(await mail.ResendAsync(id));
        var resent = await mail.GetAsync(id);
        Assert.Equal(OutboxMailStatus.Pending, resent.Status);
        Assert.Equal(0, resent.Attempts);

        Assert.Equal(1, await mail.SweepAsync());
        Assert.Single(smtp.ReceivedMessages());
        Assert.Equal(OutboxMailStatus.Sent, (await mail.GetAsync(id)).Status);
        Assert.False(await mail.ResendAsync(id), "A sent mail is not sent again.");
    }

    [Fact]
    public async Task Two_senders_sweeping_at_once_deliver_each_mail_exactly_once()
    {
        await using var mail = await MailTestServices.WithSmtpAsync(smtp.Port, batchSize: 5);
        var ids = await mail.EnqueueAllAsync(Enumerable.Range(0, 50).Select(i =>
            new OutboxMailDraft([$"boende{i}@nsp.example"], $"Påminnelse {i}", "Perioden tar snart slut.", "reminder")));

        async Task<int> SweepUntilNothingIsLeft()
        {
            var total = 0;
            for (int sent; (sent = await mail.SweepAsync()) > 0;)
                total += sent;
            return total;
        }

        var results = await Task.WhenAll(Task.Run(SweepUntilNothingIsLeft), Task.Run(SweepUntilNothingIsLeft));
        // A sender that found everything claimed by the other may stop early; a last sweep picks up any leftovers.
        var total = results.Sum() + await SweepUntilNothingIsLeft();

        Assert.Equal(50, total);
        var messageIds = smtp.ReceivedMessages().Select(m => m.MessageId).ToList();
        Assert.Equal(50, messageIds.Count);
        Assert.Equal(ids.Select(id => $"{id:N}.outbox@nsp.example").Order(), messageIds.Order());
        Assert.All(await mail.AllAsync(), row => Assert.Equal(OutboxMailStatus.Sent, row.Status));
    }
}

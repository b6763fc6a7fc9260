using Hangfire;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Outbox;

namespace NspWorkflow.Web.Features.Mail;

/// <summary>
/// Delivers due outbox mail. Several app nodes may sweep at once: each claims a batch with an atomic update, so a
/// mail is sent by one of them only; a crashed node's claims expire and the mail is taken up again.
/// </summary>
public sealed class OutboxMailSender(
    NspDbContext db,
    IMailTransport transport,
    MailOptions options,
    TimeProvider time,
    ILogger<OutboxMailSender> logger)
{
    /// <summary>How long a claim holds; far longer than a batch normally takes.</summary>
    internal static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    /// <summary>Sends one batch of due mail.</summary>
    /// <returns>How many mails were delivered.</returns>
    // No Hangfire retries: the outbox is the retry, and the next minute's run picks up whatever is left.
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var claimedUntil = await ClaimAsync(token, cancellationToken);
        var batch = await db.OutboxMails.AsNoTracking()
            .Where(m => m.ClaimToken == token)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
            return 0;

        int sent = 0, retrying = 0, failed = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            // Stop well before the lease ends, so another node taking the rest over cannot overlap with this one.
            if (cancellationToken.IsCancellationRequested || time.GetUtcNow() + 2 * options.Smtp.Timeout >= claimedUntil)
            {
                await ReleaseAsync(token, batch.Count - i, cancellationToken.IsCancellationRequested ? "stopping" : "lease ending");
                cancellationToken.ThrowIfCancellationRequested();
                break;
            }

            var outcome = await SendOneAsync(batch[i], token, cancellationToken);
            switch (outcome)
            {
                case OutboxMailStatus.Sent: sent++; break;
                case OutboxMailStatus.Failed: failed++; break;
                default: retrying++; break;
            }
        }

        MailLog.Swept(logger, sent, retrying, failed);
        return sent;
    }

    private async Task<DateTimeOffset> ClaimAsync(Guid token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimedUntil = now + ClaimLease;
        var candidates = await db.OutboxMails.AsNoTracking()
            .Where(m => m.Status == OutboxMailStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
            return claimedUntil;

        // The condition is checked again inside the one UPDATE: of two nodes that read the same candidates, the
        // database lets only the first claim each row; the second finds it claimed and skips it.
        await db.OutboxMails
            .Where(m => candidates.Contains(m.Id)
                && m.Status == OutboxMailStatus.Pending
                && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimedUntil, claimedUntil), cancellationToken);
        return claimedUntil;
    }

    private async Task<OutboxMailStatus> SendOneAsync(OutboxMail mail, Guid token, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(mail, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(token, 1, "stopping");
            throw;
        }
        catch (Exception exception)
        {
            return await RecordFailureAsync(mail, token, exception);
        }

        var sentAt = time.GetUtcNow();
        // Recorded even when the app is stopping: the mail is out, and must not go out again.
        var updated = await Mine(mail.Id, token).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxMailStatus.Sent)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (updated == 0)
            MailLog.ClaimLost(logger, mail.Id);
        return OutboxMailStatus.Sent;
    }

    private async Task<OutboxMailStatus> RecordFailureAsync(OutboxMail mail, Guid token, Exception exception)
    {
        var attempts = mail.Attempts + 1;
        var now = time.GetUtcNow();
        var gaveUp = attempts >= options.MaxAttempts;
        var status = gaveUp ? OutboxMailStatus.Failed : OutboxMailStatus.Pending;
        var nextAttemptAt = gaveUp ? now : now + RetryBackoff.After(attempts);
        var error = MailErrors.Describe(exception);

        var updated = await Mine(mail.Id, token).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (updated == 0)
            MailLog.ClaimLost(logger, mail.Id);
        else if (gaveUp)
            MailLog.GaveUp(logger, mail.Id, attempts, MailErrors.Kind(exception));
        else
            MailLog.WillRetry(logger, mail.Id, attempts, MailErrors.Kind(exception), nextAttemptAt);
        return status;
    }

    /// <summary>Gives the rest of the batch back at once, rather than leaving it until the lease runs out.</summary>
    private async Task ReleaseAsync(Guid token, int count, string reason)
    {
        await db.OutboxMails
            .Where(m => m.ClaimToken == token)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        MailLog.Released(logger, count, reason);
    }

    private IQueryable<OutboxMail> Mine(Guid id, Guid token) =>
        db.OutboxMails.Where(m => m.Id == id && m.ClaimToken == token);
}

using Hangfire;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Outbox;

namespace NspWorkflow.Web.Features.Mail;

/// <summary>
/// Delivers due outbox mail, at least once. Several app nodes may sweep at once: each claims a batch with an atomic
/// update, judged and written by the database's clock, so a mail is sent by one of them only however their own clocks
/// differ. The claim is short (<see cref="MailOptions.ClaimLease"/>) and renewed while the sender works
/// (<see cref="MailLease"/>), so a crashed node's mail is taken up again within about one lease. A crash between the
/// server's receipt and its answer sends the mail again: every attempt carries the same Message-Id.
/// </summary>
public sealed class OutboxMailSender(
    NspDbContext db,
    IMailTransport transport,
    MailOptions options,
    TimeProvider time,
    IServiceScopeFactory scopes,
    ILogger<OutboxMailSender> logger)
{
    /// <summary>What the administrator's list shows of a mail taken over from a sender that stopped renewing its claim.</summary>
    internal const string TakenOverNote =
        "Taken over from a sender that stopped during an attempt (crash or lost database); the receiver may get it twice, with the same Message-Id.";

    /// <summary>Sends one batch of due mail.</summary>
    /// <returns>How many mails were delivered.</returns>
    // No Hangfire retries: the outbox is the retry, and the next minute's run picks up whatever is left.
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var claimedAt = TimeProvider.System.GetTimestamp();
        var takenOver = await ClaimAsync(token, cancellationToken);
        var batch = await db.OutboxMails.AsNoTracking()
            .Where(m => m.ClaimToken == token)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
            return 0;
        foreach (var mail in batch.Where(m => takenOver.Contains(m.Id)))
            MailLog.TakenOver(logger, mail.Id);

        await using var lease = MailLease.Hold(scopes, token, options.ClaimLease, claimedAt, logger);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        int sent = 0, retrying = 0, failed = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(token, batch.Count - i, "stopping");
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (lease.Lost.IsCancellationRequested)
            {
                MailLog.LeaseLost(logger, batch.Count - i, null);
                break;
            }

            var outcome = await SendOneAsync(batch[i], token, sending.Token, cancellationToken);
            if (outcome is null)
            {
                MailLog.LeaseLost(logger, batch.Count - i, batch[i].Id);
                break;
            }

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

    /// <summary>
    /// Claims a batch; returns the ids whose earlier claim had run out unfinished (taken over). Internal for the tests,
    /// which play a sender that claims and then crashes.
    /// </summary>
    internal async Task<HashSet<Guid>> ClaimAsync(Guid token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var clock = await db.Database.UtcNowAsync(cancellationToken);
        var claimedUntil = clock + options.ClaimLease;
        var candidates = await db.OutboxMails.AsNoTracking()
            .Where(m => m.Status == OutboxMailStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < clock))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => new { m.Id, Claimed = m.ClaimToken != null })
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
            return [];

        // The condition is checked again inside the one UPDATE: of two nodes that read the same candidates, the
        // database lets only the first claim each row; the second finds it claimed and skips it. Every claim ends
        // with its token cleared, so a token still there belongs to a sender that stopped mid-attempt.
        var ids = candidates.Select(c => c.Id).ToList();
        await db.OutboxMails
            .Where(m => ids.Contains(m.Id)
                && m.Status == OutboxMailStatus.Pending
                && (m.ClaimedUntil == null || m.ClaimedUntil < clock))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.LastError, m => m.ClaimToken == null ? m.LastError : TakenOverNote)
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimedUntil, claimedUntil), cancellationToken);
        return candidates.Where(c => c.Claimed).Select(c => c.Id).ToHashSet();
    }

    /// <returns>The mail's new status, or null when the claim was lost during the send (nothing recorded).</returns>
    private async Task<OutboxMailStatus?> SendOneAsync(OutboxMail mail, Guid token, CancellationToken sending, CancellationToken stopping)
    {
        try
        {
            await transport.SendAsync(mail, sending);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await ReleaseAsync(token, 1, "stopping");
            throw;
        }
        catch (OperationCanceledException) when (sending.IsCancellationRequested)
        {
            // Broken off before another node may claim it; if the server had it already, the next attempt duplicates it.
            return null;
        }
        catch (Exception exception)
        {
            return await RecordFailureAsync(mail, token, exception);
        }

        var sentAt = time.GetUtcNow();
        // Recorded even when the app is stopping: the mail is out, and must not go out again. Only with this claim's
        // token (a fence): a sender whose claim was taken over records nothing over the new holder's work.
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

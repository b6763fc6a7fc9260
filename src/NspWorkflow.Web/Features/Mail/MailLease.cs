using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;

namespace NspWorkflow.Web.Features.Mail;

/// <summary>
/// A sender's claim on its batch, kept alive while it works (a heartbeat): every quarter of the lease it moves the
/// batch's <c>ClaimedUntil</c> to the database's clock plus the lease, from a database context of its own. Should the
/// renewals fail for three quarters of a lease (the database out of reach), <see cref="Lost"/> is cancelled: the sender
/// stops and breaks off a send in progress a quarter of a lease before another node may take the mail over.
/// </summary>
/// <remarks>
/// Real elapsed time, not the app's <see cref="TimeProvider"/>: a lease is judged by the database's clock, and the
/// app's clock is business time (tests move it by days). Each deadline is counted from before the renewal was sent, so
/// it falls before the one the database holds.
/// </remarks>
internal sealed class MailLease : IAsyncDisposable
{
    private readonly IServiceScopeFactory scopes;
    private readonly Guid token;
    private readonly TimeSpan lease;
    private readonly ILogger logger;
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;

    private MailLease(IServiceScopeFactory scopes, Guid token, TimeSpan lease, long claimedAt, ILogger logger)
    {
        this.scopes = scopes;
        this.token = token;
        this.lease = lease;
        this.logger = logger;
        lost.CancelAfter(Left(claimedAt));
        renewing = RenewAsync();
    }

    /// <summary>Cancelled when this sender can no longer be sure it still holds the claim.</summary>
    public CancellationToken Lost => lost.Token;

    /// <param name="claimedAt">A <see cref="TimeProvider.System"/> timestamp taken before the database's clock was read for the claim.</param>
    public static MailLease Hold(IServiceScopeFactory scopes, Guid token, TimeSpan lease, long claimedAt, ILogger logger) =>
        new(scopes, token, lease, claimedAt, logger);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewing;
        stop.Dispose();
        lost.Dispose();
    }

    private TimeSpan Left(long since)
    {
        var left = lease * 0.75 - TimeProvider.System.GetElapsedTime(since);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private async Task RenewAsync()
    {
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, lost.Token);
        try
        {
            while (true)
            {
                await Task.Delay(lease / 4, TimeProvider.System, ending.Token);
                var started = TimeProvider.System.GetTimestamp();
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
                    var claimedUntil = await db.Database.UtcNowAsync(ending.Token) + lease;
                    // Only the rows still in this batch: a mail done or given back no longer carries the token.
                    await db.OutboxMails.Where(m => m.ClaimToken == token)
                        .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, claimedUntil), ending.Token);
                    lost.CancelAfter(Left(started));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    MailLog.RenewalFailed(logger, MailErrors.Kind(exception));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by the sender, or the lease is lost: either way nothing more to renew.
        }
    }
}

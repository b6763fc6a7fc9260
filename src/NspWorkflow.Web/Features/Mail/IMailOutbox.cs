namespace NspWorkflow.Web.Features.Mail;

/// <summary>The only way mail leaves the app: written to the outbox, delivered and retried by <see cref="OutboxMailSender"/>.</summary>
public interface IMailOutbox
{
    /// <summary>
    /// Adds the mail to the scoped <c>NspDbContext</c> without saving: it commits with the caller's own
    /// <c>SaveChanges</c>, so a rolled-back change sends no mail. Call <see cref="IMailKick.Kick"/> after saving to send
    /// it at once rather than within a minute.
    /// </summary>
    /// <returns>The mail's id.</returns>
    /// <exception cref="ArgumentException">A field is invalid; the parameter name says which.</exception>
    Guid Enqueue(OutboxMailDraft draft);

    /// <summary>
    /// An administrator's "send again": a failed or pending mail becomes due now with its attempts reset.
    /// Saves at once (an action of its own, not part of a caller's transaction).
    /// </summary>
    /// <returns>False when there is no such mail or it has already been sent.</returns>
    Task<bool> ResendAsync(Guid id, CancellationToken cancellationToken);
}

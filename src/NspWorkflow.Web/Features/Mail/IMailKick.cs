using Hangfire;

namespace NspWorkflow.Web.Features.Mail;

/// <summary>Sends due mail now instead of at the next minute's sweep.</summary>
public interface IMailKick
{
    /// <summary>Call after the <c>SaveChanges</c> that committed the mail: before it, the sweep would not see it.</summary>
    void Kick();
}

/// <summary>Queues a one-off sweep as a Hangfire job, so it runs on whichever node is free and survives a restart.</summary>
internal sealed class OutboxMailTrigger(IBackgroundJobClient jobs) : IMailKick
{
    public void Kick() => jobs.Enqueue<OutboxMailSender>(sender => sender.SendDueAsync(CancellationToken.None));
}

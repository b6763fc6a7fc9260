using Hangfire;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;

namespace NspWorkflow.Web.Features.Mail;

/// <summary>Sweeps the outbox every minute: retries, and mail whose caller did not kick.</summary>
internal sealed class MailOutboxRecurringJob : IRecurringJobDefinition
{
    public const string JobId = "mail-outbox";

    public void Register(IRecurringJobManager jobs) =>
        // Hangfire passes its own shutdown token in place of CancellationToken.None.
        jobs.AddOrUpdate<OutboxMailSender>(JobId, sender => sender.SendDueAsync(CancellationToken.None), Cron.Minutely());
}

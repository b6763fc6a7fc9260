using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;

namespace NspWorkflow.Web.Tests.Features.Mail;

public sealed class MailJobsTests
{
    [Fact]
    public async Task The_outbox_is_swept_every_minute_by_a_recurring_job()
    {
        await using var mail = await MailTestServices.WithPickupDirectoryAsync();
        var manager = new RecordingRecurringJobManager();

        foreach (var definition in mail.Services.GetServices<IRecurringJobDefinition>())
            definition.Register(manager);

        var (id, job, cron) = Assert.Single(manager.Jobs);
        Assert.Equal("mail-outbox", id);
        Assert.Equal(Cron.Minutely(), cron);
        Assert.Equal(typeof(OutboxMailSender), job.Type);
        Assert.Equal(nameof(OutboxMailSender.SendDueAsync), job.Method.Name);
    }

    [Fact]
    public async Task A_kick_queues_an_immediate_sweep()
    {
        await using var mail = await MailTestServices.WithPickupDirectoryAsync();

        mail.Services.GetRequiredService<IMailKick>().Kick();

        var (job, state) = Assert.Single(mail.Jobs.Created);
        Assert.IsType<EnqueuedState>(state);
        Assert.Equal(typeof(OutboxMailSender), job.Type);
        Assert.Equal(nameof(OutboxMailSender.SendDueAsync), job.Method.Name);
    }

    private sealed class RecordingRecurringJobManager : IRecurringJobManager
    {
        public List<(string Id, Job Job, string Cron)> Jobs { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
            Jobs.Add((recurringJobId, job, cronExpression));

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }
}

using Hangfire;

namespace NspWorkflow.Web.Infrastructure.BackgroundJobs;

/// <summary>A recurring job a feature contributes (mail outbox, timers, ...); registered with Hangfire at start-up.</summary>
public interface IRecurringJobDefinition
{
    void Register(IRecurringJobManager jobs);
}

internal sealed class RecurringJobsRegistration(IRecurringJobManager jobs, IEnumerable<IRecurringJobDefinition> definitions) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in definitions)
            definition.Register(jobs);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Hangfire;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>
/// Fires due workflow timers, batch after batch, up to a bound per run (the next minute's run takes the rest), then
/// starts the processes whose timer start event is due.
/// </summary>
public sealed class WorkflowTimerJob(TimerSweeper sweeper, ScheduledStartSweeper scheduledStarts, ILogger<WorkflowTimerJob> logger)
{
    public const int BatchSize = 100;
    public const int MaxBatchesPerRun = 20;

    // No Hangfire retries: the timer rows carry their own attempts and backoff.
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var result = await sweeper.SweepAsync(BatchSize, cancellationToken);
            if (result.Claimed < BatchSize)
                break;
        }

        // A start that failed stored nothing and is tried again next minute; the log says why (no variable values).
        foreach (var failure in (await scheduledStarts.SweepAsync(cancellationToken)).Failures)
            logger.LogWarning("A timer start event could not start its process: {Failure}", failure);
    }
}

/// <summary>
/// Sweeps workflow timers and timer start events every minute; timers and started occurrences are rows, so nothing is
/// loaded into memory at start-up.
/// </summary>
internal sealed class WorkflowTimerRecurringJob : IRecurringJobDefinition
{
    public const string JobId = "workflow-timers";

    public void Register(IRecurringJobManager jobs) =>
        // Hangfire passes its own shutdown token in place of CancellationToken.None.
        jobs.AddOrUpdate<WorkflowTimerJob>(JobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}

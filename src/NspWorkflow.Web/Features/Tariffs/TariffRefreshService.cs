namespace NspWorkflow.Web.Features.Tariffs;

/// <summary>
/// Another node's saved tariff reaches this one within <see cref="Interval"/>: a cheap look at the newest revision, and a
/// read of the schedule only when it changed. A failed look is tried again at the next tick.
/// </summary>
internal sealed partial class TariffRefreshService(TariffCatalog catalog, TimeProvider time, ILogger<TariffRefreshService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await catalog.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for newer tariffs; trying again at the next tick.")]
    private partial void LogRefreshFailed(Exception exception);
}

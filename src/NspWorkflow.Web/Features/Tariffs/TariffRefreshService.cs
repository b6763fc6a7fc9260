namespace NspWorkflow.Web.Features.Tariffs;

/// <summary>
/// Another node's saved tariff reaches this one within <see cref="Interval"/>: a cheap look at the newest revision, and a
/// read of the schedule only when it changed. A failed look is tried again at the next tick. The interval is the
/// machine's own (<see cref="TimeProvider.System"/>), not the program's clock: a development clock moved a year ahead
/// would otherwise owe a year of ticks at once.
/// </summary>
internal sealed partial class TariffRefreshService(TariffCatalog catalog, ILogger<TariffRefreshService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
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

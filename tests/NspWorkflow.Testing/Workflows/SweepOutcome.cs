using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Testing.Workflows;

public static class SweepOutcome
{
    /// <summary>
    /// Waits (at most 20 s) until no due timer is claimed or pending: in the whole app its own minute job may be firing a timer
    /// that the test's sweep then found already claimed.
    /// </summary>
    public static async Task WaitUntilSettledAsync(IEngineHost host)
    {
        var now = host.Clock.GetUtcNow();
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            await using var db = host.CreateDbContext();
            if (!await db.WorkflowTimers.AnyAsync(t => t.Status == TimerStatus.Pending && t.DueAt <= now))
                return;
        }
        throw new TimeoutException("Due timers were still pending 20 seconds after the sweep.");
    }
}

namespace NspWorkflow.Data;

/// <summary>
/// How long background work waits after a failed attempt before trying again: one minute, doubling, at most an hour.
/// The mail outbox and the timer sweep share it, so operators meet one retry rhythm.
/// </summary>
public static class RetryBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    /// <summary>The wait after the given number of failed attempts (1 or more).</summary>
    public static TimeSpan After(int attempts)
    {
        var backoff = First * Math.Pow(2, Math.Clamp(attempts - 1, 0, 10));
        return backoff < Max ? backoff : Max;
    }
}

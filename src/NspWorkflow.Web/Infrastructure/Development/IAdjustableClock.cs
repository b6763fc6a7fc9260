namespace NspWorkflow.Web.Infrastructure.Development;

/// <summary>The app's clock where it can be moved forward (Development only): to walk a case through months in minutes.</summary>
public interface IAdjustableClock
{
    void Advance(TimeSpan by);
}

/// <summary>
/// Development's product clock: real time plus an offset that only grows. Sign-in keeps the real clock
/// (<c>SignInClock</c>), so tokens stay valid whatever this one says. The offset is lost when the app stops.
/// </summary>
public sealed class DevelopmentClock(TimeProvider real) : TimeProvider, IAdjustableClock
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }
}

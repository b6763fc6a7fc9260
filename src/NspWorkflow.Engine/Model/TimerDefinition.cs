namespace NspWorkflow.Engine.Model;

public enum TimerKind
{
    Duration,
    Date,
    Cycle,
    Expression,
    /// <summary>A cycle from a written start (<c>R/2027-01-15T08:00:00+01:00/P1Y</c>): only on a timer start event.</summary>
    AnchoredCycle,
    /// <summary>The text did not parse; kept in the model so validation can name the element once.</summary>
    Invalid,
}

/// <summary>A timer as written in the definition (<see cref="Source"/>) and its parsed value.</summary>
public abstract record TimerDefinition(string Source)
{
    public abstract TimerKind Kind { get; }
}

/// <summary><c>timeDuration</c>, e.g. P30D: fires that long after the element is entered.</summary>
public sealed record DurationTimer(string Source, IsoDuration Duration) : TimerDefinition(Source)
{
    public override TimerKind Kind => TimerKind.Duration;
}

/// <summary><c>timeDate</c> with an explicit offset or Z, so it means the same instant on every server.</summary>
public sealed record DateTimer(string Source, DateTimeOffset Date) : TimerDefinition(Source)
{
    public override TimerKind Kind => TimerKind.Date;
}

/// <summary><c>timeCycle</c> <c>R3/P1D</c>: fires <see cref="Repetitions"/> times, one <see cref="Interval"/> apart.</summary>
public sealed record CycleTimer(string Source, int Repetitions, IsoDuration Interval) : TimerDefinition(Source)
{
    public override TimerKind Kind => TimerKind.Cycle;
}

/// <summary>
/// A value starting with <c>=</c>: JavaScript evaluated when the timer starts. It must yield a date
/// (JS Date or ISO string with offset) or an ISO-8601 duration string; in a <c>timeCycle</c> (<see cref="Cycle"/>) also
/// a cycle such as <c>R3/P1D</c>, which only a non-interrupting boundary event may have (known only when it runs).
/// </summary>
public sealed record ExpressionTimer(string Source, string Expression, bool Cycle = false) : TimerDefinition(Source)
{
    public override TimerKind Kind => TimerKind.Expression;
}

public sealed record InvalidTimer(string Source, string Error) : TimerDefinition(Source)
{
    public override TimerKind Kind => TimerKind.Invalid;
}

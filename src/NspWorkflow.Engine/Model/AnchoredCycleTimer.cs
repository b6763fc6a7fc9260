namespace NspWorkflow.Engine.Model;

/// <summary>
/// <c>timeCycle</c> with a start, ISO 8601's repeating interval <c>R/&lt;start&gt;/&lt;interval&gt;</c> (for ever) or
/// <c>R5/&lt;start&gt;/&lt;interval&gt;</c> (<see cref="Repetitions"/> occurrences): at the start and every interval after it.
/// Only a timer start event has one (the host starts the process on schedule). Occurrence k is the start plus k
/// intervals counted from the start, never from the occurrence before, so calendar units do not drift: P1Y from
/// 29 February 2028 gives 28 February 2029 and 29 February 2032; P1M from 31 January gives 28 February, then 31 March.
/// </summary>
/// <remarks>
/// Years, months and days are counted on the wall clock of a calendar time zone when one is given (the host's
/// <c>CalendarTimeZone</c>), so a round at 08:00 stays at 08:00 across summer time; without one, in the offset written
/// in the start. Hours, minutes and seconds are exact elapsed time, as in <see cref="IsoDuration.AddTo"/>.
/// </remarks>
public sealed record AnchoredCycleTimer(string Source, DateTimeOffset Start, IsoDuration Interval, int? Repetitions)
    : TimerDefinition(Source)
{
    public override TimerKind Kind => TimerKind.AnchoredCycle;

    /// <summary>How many occurrences there are; unbounded cycles end only at the year 9999.</summary>
    private long Count => Repetitions ?? long.MaxValue;

    /// <summary>The first occurrence strictly after <paramref name="instant"/>; null when none is left.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant, TimeZoneInfo? calendar = null)
    {
        if (instant < Start)
        {
            return Start;
        }

        var next = IndexAtOrBefore(instant, calendar) + 1;
        return next < Count ? Occurrence(next, calendar) : null;
    }

    /// <summary>The last occurrence at or before <paramref name="instant"/>; null when the first one is later.</summary>
    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset instant, TimeZoneInfo? calendar = null) =>
        instant < Start ? null : Occurrence(Math.Min(IndexAtOrBefore(instant, calendar), Count - 1), calendar);

    /// <summary>Occurrence <paramref name="k"/> (0 is the start), whether or not the repetitions reach it; null past the year 9999.</summary>
    public DateTimeOffset? Occurrence(long k, TimeZoneInfo? calendar = null)
    {
        if (k == 0)
        {
            return Start;
        }

        try
        {
            checked
            {
                var years = (int)(k * Interval.Years);
                var months = (int)(k * Interval.Months);
                var days = k * Interval.Days;
                var exact = k * ExactTicks;
                DateTimeOffset moved;
                if (calendar is null)
                {
                    moved = Start.AddYears(years).AddMonths(months).AddDays(days);
                }
                else
                {
                    var wall = TimeZoneInfo.ConvertTime(Start, calendar).DateTime.AddYears(years).AddMonths(months).AddDays(days);
                    // A wall time skipped by the change to summer time does not exist there; it is read as standard time.
                    moved = new DateTimeOffset(wall, calendar.IsInvalidTime(wall) ? calendar.BaseUtcOffset : calendar.GetUtcOffset(wall));
                }

                return moved.AddTicks(exact);
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    private long ExactTicks =>
        (Interval.Hours * TimeSpan.TicksPerHour) + (Interval.Minutes * TimeSpan.TicksPerMinute) + (long)(Interval.Seconds * TimeSpan.TicksPerSecond);

    /// <summary>
    /// The index of the last occurrence at or before <paramref name="instant"/> (not before <see cref="Start"/>),
    /// ignoring the repetitions. Estimated from the interval's average length, then corrected: occurrences rise
    /// strictly with k, and the estimate is off by a step or two only (months and years are not all equally long).
    /// </summary>
    private long IndexAtOrBefore(DateTimeOffset instant, TimeZoneInfo? calendar)
    {
        var average = ((Interval.Years * 365.2425) + (Interval.Months * 30.436875) + Interval.Days) * TimeSpan.TicksPerDay + ExactTicks;
        var k = Math.Max(0, (long)Math.Floor((instant - Start).Ticks / average));
        while (k > 0 && (Occurrence(k, calendar) is not { } at || at > instant))
        {
            k--;
        }

        while (Occurrence(k + 1, calendar) is { } next && next <= instant)
        {
            k++;
        }

        return k;
    }
}

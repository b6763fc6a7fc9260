using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Parsing;

namespace NspWorkflow.Engine.Tests;

/// <summary>
/// When a timer start event starts its process: occurrence k is the start plus k intervals counted from the start
/// (no drift through short months), in the calendar's wall time when there is one. Expected dates are computed by hand.
/// </summary>
public sealed class TimerStartScheduleTests
{
    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private static AnchoredCycleTimer Cycle(string text) => Assert.IsType<AnchoredCycleTimer>(TimerParser.ParseCycle(text));

    private static DateTimeOffset At(int year, int month, int day, int hour, TimeSpan offset) => new(year, month, day, hour, 0, 0, offset);

    [Fact]
    public void A_yearly_cycle_from_29_February_falls_on_28_February_and_again_on_29_February_in_leap_years()
    {
        var cycle = Cycle("R/2028-02-29T08:00:00+01:00/P1Y");

        Assert.Equal(At(2029, 2, 28, 8, Winter), cycle.NextAfter(At(2028, 2, 29, 8, Winter)));
        Assert.Equal(At(2030, 2, 28, 8, Winter), cycle.NextAfter(At(2029, 2, 28, 8, Winter)));
        // Counted from the start, not from 28 February 2031: four years on is 29 February again.
        Assert.Equal(At(2032, 2, 29, 8, Winter), cycle.NextAfter(At(2031, 3, 1, 0, Winter)));
        Assert.Equal(At(2031, 2, 28, 8, Winter), cycle.LatestAtOrBefore(At(2032, 2, 29, 7, Winter)));
    }

    [Fact]
    public void A_monthly_cycle_from_31_January_takes_the_last_day_of_short_months_and_the_31st_of_long_ones()
    {
        var cycle = Cycle("R/2027-01-31T09:00:00Z/P1M");

        Assert.Equal(At(2027, 2, 28, 9, TimeSpan.Zero), cycle.NextAfter(At(2027, 1, 31, 9, TimeSpan.Zero)));
        // Repeated addition would give 28 March; from the start, two months on is 31 March.
        Assert.Equal(At(2027, 3, 31, 9, TimeSpan.Zero), cycle.NextAfter(At(2027, 2, 28, 9, TimeSpan.Zero)));
        Assert.Equal(At(2027, 4, 30, 9, TimeSpan.Zero), cycle.NextAfter(At(2027, 4, 1, 0, TimeSpan.Zero)));
        Assert.Equal(At(2028, 2, 29, 9, TimeSpan.Zero), cycle.NextAfter(At(2028, 2, 1, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void In_the_swedish_calendar_08_00_stays_08_00_across_summer_time()
    {
        var cycle = Cycle("R/2027-01-15T08:00:00+01:00/P1M");

        var april = cycle.NextAfter(At(2027, 3, 20, 0, Winter), Sweden);
        Assert.Equal(At(2027, 4, 15, 8, Summer), april);
        Assert.Equal(Summer, april!.Value.Offset);
        Assert.Equal(At(2027, 11, 15, 8, Winter), cycle.NextAfter(At(2027, 10, 20, 0, Winter), Sweden));
    }

    [Fact]
    public void Without_a_calendar_the_offset_written_in_the_start_is_kept()
    {
        var cycle = Cycle("R/2027-01-15T08:00:00+01:00/P1M");

        // 08:00+01:00 in April is 09:00 Swedish summer time.
        Assert.Equal(new DateTimeOffset(2027, 4, 15, 7, 0, 0, TimeSpan.Zero), cycle.NextAfter(At(2027, 3, 20, 0, Winter)));
    }

    [Fact]
    public void Days_are_calendar_days_and_hours_exact_across_the_change_to_summer_time()
    {
        // Summer time begins in Sweden on Sunday 28 March 2027 at 02:00 (01:00 UTC).
        var days = Cycle("R/2027-03-27T12:00:00+01:00/P1D");
        var hours = Cycle("R/2027-03-27T12:00:00+01:00/PT24H");

        Assert.Equal(At(2027, 3, 28, 12, Summer), days.NextAfter(At(2027, 3, 27, 12, Winter), Sweden));
        Assert.Equal(At(2027, 3, 28, 13, Summer), hours.NextAfter(At(2027, 3, 27, 12, Winter), Sweden));
    }

    [Fact]
    public void Years_later_a_daily_cycle_is_still_found_at_its_wall_time()
    {
        var cycle = Cycle("R/2027-01-15T08:00:00+01:00/P1D");

        // 1 July 2030 05:00 UTC is 07:00 in Stockholm, before that day's 08:00.
        Assert.Equal(At(2030, 6, 30, 8, Summer), cycle.LatestAtOrBefore(new DateTimeOffset(2030, 7, 1, 5, 0, 0, TimeSpan.Zero), Sweden));
        Assert.Equal(At(2030, 7, 1, 8, Summer), cycle.NextAfter(new DateTimeOffset(2030, 7, 1, 5, 0, 0, TimeSpan.Zero), Sweden));
    }

    [Fact]
    public void Next_is_strictly_after_and_latest_is_at_or_before_the_instant()
    {
        var cycle = Cycle("R/2027-01-15T08:00:00+01:00/P1Y");
        var first = At(2027, 1, 15, 8, Winter);

        Assert.Equal(first, cycle.NextAfter(first.AddTicks(-1)));
        Assert.Equal(At(2028, 1, 15, 8, Winter), cycle.NextAfter(first));
        Assert.Equal(first, cycle.LatestAtOrBefore(first));
        Assert.Null(cycle.LatestAtOrBefore(first.AddTicks(-1)));
        Assert.Equal(first, cycle.NextAfter(At(2020, 1, 1, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_bounded_cycle_stops_after_its_repetitions()
    {
        var cycle = Cycle("R3/2027-01-15T08:00:00Z/P1Y");

        Assert.Equal(3, cycle.Repetitions);
        Assert.Equal(At(2029, 1, 15, 8, TimeSpan.Zero), cycle.NextAfter(At(2028, 6, 1, 0, TimeSpan.Zero)));
        Assert.Null(cycle.NextAfter(At(2029, 1, 15, 8, TimeSpan.Zero)));
        Assert.Equal(At(2029, 1, 15, 8, TimeSpan.Zero), cycle.LatestAtOrBefore(At(2035, 1, 1, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_cycle_ends_at_the_year_9999()
    {
        var cycle = Cycle("R/9998-06-01T00:00:00Z/P1Y");

        Assert.Equal(At(9999, 6, 1, 0, TimeSpan.Zero), cycle.NextAfter(At(9998, 6, 1, 0, TimeSpan.Zero)));
        Assert.Null(cycle.NextAfter(At(9999, 6, 1, 0, TimeSpan.Zero)));
        Assert.Equal(At(9999, 6, 1, 0, TimeSpan.Zero), cycle.LatestAtOrBefore(DateTimeOffset.MaxValue));
    }

    [Fact]
    public void A_date_starts_once()
    {
        var date = TimerParser.ParseDate("2027-01-15T08:00:00+01:00");
        var at = At(2027, 1, 15, 8, Winter);

        Assert.Equal(at, TimerStartSchedule.NextAfter(date, at.AddTicks(-1)));
        Assert.Null(TimerStartSchedule.NextAfter(date, at));
        Assert.Null(TimerStartSchedule.LatestAtOrBefore(date, at.AddTicks(-1)));
        Assert.Equal(at, TimerStartSchedule.LatestAtOrBefore(date, At(2030, 1, 1, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("R/2027-01-15T08:00:00+01:00/P1Y", null, 7, 1, 0)]
    [InlineData("R12/2027-01-15T08:00:00Z/P1M", 12, 8, 0, 1)]
    public void Cycles_with_a_start_parse(string text, int? repetitions, int utcHour, int years, int months)
    {
        var cycle = Cycle(text);

        Assert.Equal(TimerKind.AnchoredCycle, cycle.Kind);
        Assert.Equal(repetitions, cycle.Repetitions);
        Assert.Equal(At(2027, 1, 15, utcHour, TimeSpan.Zero), cycle.Start);
        Assert.Equal(new IsoDuration(years, months, 0, 0, 0, 0), cycle.Interval);
    }

    [Theory]
    [InlineData("R/2027-01-15/P1Y", "time zone")]
    [InlineData("R/2027-01-15T08:00:00/P1Y", "time zone")]
    [InlineData("R0/2027-01-15T08:00:00Z/P1Y", "between 1 and")]
    [InlineData("R/2027-01-15T08:00:00Z/P0D", "non-zero")]
    [InlineData("R/P1Y/2027-01-15T08:00:00Z", "R/<start>/<duration>")]
    [InlineData("R/P1Y", "R/<start>/<duration>")]
    public void Bad_cycles_with_a_start_say_why(string text, string words)
    {
        var invalid = Assert.IsType<InvalidTimer>(TimerParser.ParseCycle(text));

        Assert.Contains(words, invalid.Error, StringComparison.Ordinal);
    }
}

using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Parsing;

namespace NspWorkflow.Engine.Tests;

public class TimerTests
{
    private static readonly DateTimeOffset Jan31 = new(2025, 1, 31, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("P30D", 0, 0, 30, 0, 0, 0)]
    [InlineData("PT2H", 0, 0, 0, 2, 0, 0)]
    [InlineData("P1DT12H", 0, 0, 1, 12, 0, 0)]
    [InlineData("PT36H", 0, 0, 0, 36, 0, 0)]
    [InlineData("P1Y2M3DT4H5M6S", 1, 2, 3, 4, 5, 6)]
    [InlineData("P2W", 0, 0, 14, 0, 0, 0)]
    [InlineData("PT0.5S", 0, 0, 0, 0, 0, 0.5)]
    public void Durations_parse(string text, int y, int mo, int d, int h, int mi, double s)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(new IsoDuration(y, mo, d, h, mi, (decimal)s), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("30D")]
    [InlineData("P-1D")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P99999999999D")]
    [InlineData("p1d")]
    public void Bad_durations_do_not_parse(string text)
    {
        Assert.False(IsoDuration.TryParse(text, out _));
    }

    [Fact]
    public void One_month_from_the_31st_of_January_is_the_last_of_February()
    {
        IsoDuration.TryParse("P1M", out var month);

        Assert.Equal(new DateTimeOffset(2025, 2, 28, 10, 0, 0, TimeSpan.Zero), month.AddTo(Jan31));
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 10, 0, 0, TimeSpan.Zero), month.AddTo(Jan31.AddYears(-1)));
    }

    [Fact]
    public void Hours_are_exact_and_days_are_calendar_days()
    {
        IsoDuration.TryParse("PT36H", out var h36);
        IsoDuration.TryParse("P1DT12H", out var d1h12);

        Assert.Equal(Jan31.AddHours(36), h36.AddTo(Jan31));
        Assert.Equal(Jan31.AddHours(36), d1h12.AddTo(Jan31));
    }

    [Fact]
    public void Durations_keep_the_offset_of_the_start()
    {
        var start = new DateTimeOffset(2025, 3, 29, 12, 0, 0, TimeSpan.FromHours(1));
        IsoDuration.TryParse("P1D", out var day);

        Assert.Equal(new DateTimeOffset(2025, 3, 30, 12, 0, 0, TimeSpan.FromHours(1)), day.AddTo(start));
    }

    [Theory]
    [InlineData("2025-03-01T08:00:00Z", "2025-03-01T08:00:00+00:00")]
    [InlineData("2025-03-01T09:00:00+01:00", "2025-03-01T08:00:00+00:00")]
    [InlineData("2025-03-01T03:30:00-04:30", "2025-03-01T08:00:00+00:00")]
    public void Dates_with_offset_parse(string text, string utc)
    {
        var timer = Assert.IsType<DateTimer>(TimerParser.ParseDate(text));

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), timer.Date);
    }

    [Theory]
    [InlineData("2025-03-01T08:00:00")]
    [InlineData("2025-03-01")]
    [InlineData("01/03/2025 08:00 +01:00")]
    [InlineData("2025-13-01T08:00:00Z")]
    public void Dates_without_offset_or_iso_shape_do_not_parse(string text)
    {
        Assert.IsType<InvalidTimer>(TimerParser.ParseDate(text));
    }

    [Fact]
    public void Cycles_parse()
    {
        var cycle = Assert.IsType<CycleTimer>(TimerParser.ParseCycle("R3/P1D"));

        Assert.Equal(3, cycle.Repetitions);
        Assert.Equal(new IsoDuration(0, 0, 1, 0, 0, 0), cycle.Interval);
    }

    [Theory]
    [InlineData("R/P1D")]
    [InlineData("R0/P1D")]
    [InlineData("R3/P0D")]
    [InlineData("R3")]
    [InlineData("P1D")]
    public void Bad_cycles_do_not_parse(string text)
    {
        Assert.IsType<InvalidTimer>(TimerParser.ParseCycle(text));
    }

    [Fact]
    public void Expressions_start_with_equals()
    {
        var timer = Assert.IsType<ExpressionTimer>(TimerParser.ParseDuration("=addDays(periodEnd, -7)"));

        Assert.Equal("addDays(periodEnd, -7)", timer.Expression);
        Assert.Equal(TimerKind.Expression, timer.Kind);
    }
}

namespace NspWorkflow.Web.Infrastructure.Hosting;

/// <summary>
/// Dates and times as the program's users in Sweden read them: a certification ends at midnight Swedish time,
/// and a mail sent at 23:30 UTC in winter was sent the next day in Sweden.
/// </summary>
public static class SwedishCalendar
{
    // Immutable once found; a container without time-zone data falls back to UTC (at most hours off).
    private static readonly TimeZoneInfo Sweden = FindSweden();

    /// <summary>Sweden's time zone (UTC where the container has no time-zone data).</summary>
    public static TimeZoneInfo TimeZone => Sweden;

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToSwedish(time.GetUtcNow()).DateTime);

    public static DateTimeOffset ToSwedish(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Sweden);

    /// <summary>A day as the pages, the API's messages and the forms' date inputs write it: yyyy-MM-dd in both languages.</summary>
    public static string FormatDay(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A point in time as the pages show it: Swedish local time, to the minute, the same in both languages.</summary>
    public static string Format(DateTimeOffset time) =>
        ToSwedish(time).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The instant <paramref name="day"/> reads <paramref name="time"/> on a clock in Sweden.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Sweden.GetUtcOffset(local));
    }

    private static TimeZoneInfo FindSweden()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}

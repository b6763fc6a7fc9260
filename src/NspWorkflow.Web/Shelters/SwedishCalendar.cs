namespace NspWorkflow.Web.Shelters;

/// <summary>Today's date as the program's users in Sweden read it: a certification ends at midnight Swedish time, not UTC.</summary>
public static class SwedishCalendar
{
    private static readonly TimeZoneInfo Sweden = FindSweden();

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Sweden).DateTime);

    private static TimeZoneInfo FindSweden()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without time-zone data: UTC is at most a day off around midnight.
            return TimeZoneInfo.Utc;
        }
    }
}

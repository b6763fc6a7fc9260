using NspWorkflow.Data.Outbox;

namespace NspWorkflow.Web.Pages.Admin.Mail;

/// <summary>How the mail pages show a status and a time.</summary>
public static class MailDisplay
{
    // The program runs in Sweden: times are shown as its users read the clock, not in UTC.
    private static readonly TimeZoneInfo Sweden = FindSweden();

    /// <summary>The Swedish label (also the localization key) and the CSS class of a status.</summary>
    public static (string Label, string CssClass) Status(OutboxMailStatus status) => status switch
    {
        OutboxMailStatus.Sent => ("Skickad", "status ok"),
        OutboxMailStatus.Failed => ("Misslyckad", "status bad"),
        _ => ("Väntar", "status"),
    };

    public static string Time(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, Sweden).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static bool CanResend(OutboxMailStatus status) => status != OutboxMailStatus.Sent;

    private static TimeZoneInfo FindSweden()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without time-zone data: UTC is still correct, only less familiar.
            return TimeZoneInfo.Utc;
        }
    }
}

using NspWorkflow.Data.Outbox;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Mail.Pages;

/// <summary>How the mail pages show a status and a time.</summary>
public static class MailDisplay
{
    /// <summary>The Swedish label (also the localization key) and the CSS class of a status.</summary>
    public static (string Label, string CssClass) Status(OutboxMailStatus status) => status switch
    {
        OutboxMailStatus.Sent => ("Skickad", "status ok"),
        OutboxMailStatus.Failed => ("Misslyckad", "status bad"),
        _ => ("Väntar", "status"),
    };

    public static string Time(DateTimeOffset time) =>
        SwedishCalendar.ToSwedish(time).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static bool CanResend(OutboxMailStatus status) => status != OutboxMailStatus.Sent;
}

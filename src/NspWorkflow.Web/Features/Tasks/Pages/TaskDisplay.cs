using System.Globalization;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>How the task pages name outcomes, states and times. The Swedish texts are also the localization keys.</summary>
public static class TaskDisplay
{
    /// <summary>The button (and the recorded decision) of an outcome of a form.</summary>
    public static string OutcomeLabel(string? outcome) => outcome switch
    {
        "approve" => "Godkänn",
        "reject" => "Avslå",
        "complete" => "Begär komplettering",
        "submit" => "Skicka in",
        "extended" => "Fördjupat stöd",
        "integration" => "Integration",
        "return" => "Återvändande",
        "end" => "Avsluta",
        _ => "Okänt utfall",
    };

    public static string StatusLabel(WaitStatus status) => status switch
    {
        WaitStatus.Open => "Öppen",
        WaitStatus.Completed => "Slutförd",
        _ => "Avbruten",
    };

    /// <summary>A point in time as a Swedish user reads it (Swedish local time).</summary>
    public static string Time(DateTimeOffset time) =>
        SwedishCalendar.ToSwedish(time).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A due time as its day: tasks fall due on a day (a period's last day).</summary>
    public static string Day(DateTimeOffset? time) =>
        time is { } t ? SwedishCalendar.ToSwedish(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "–";
}

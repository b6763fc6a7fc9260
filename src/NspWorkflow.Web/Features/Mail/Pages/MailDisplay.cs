using NspWorkflow.Data.Outbox;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Mail.Pages;

/// <summary>How the mail pages show a status and a time.</summary>
public static class MailDisplay
{
    /// <summary>The label (a key of the message table) and the CSS class of a status.</summary>
    public static (string Label, string CssClass) Status(OutboxMailStatus status) => status switch
    {
        OutboxMailStatus.Sent => ("Sent", "status ok"),
        OutboxMailStatus.Failed => ("Failed", "status bad"),
        _ => ("Pending", "status"),
    };

    /// <summary>The mail kinds the app writes (the pathways' task and reminder mail, the coordinator's digest, the invoice basis).</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["task", "reminder", "decision", "digest", "invoice", "certification"];

    /// <summary>The label (a key of the message table) of a mail's kind; a kind the app does not write reads as other mail.</summary>
    public static string KindLabel(string kind) => Kinds.Contains(kind) ? $"MailKind.{kind}" : "MailKind.Other";

    public static string Time(DateTimeOffset time) => SwedishCalendar.Format(time);

    public static bool CanResend(OutboxMailStatus status) => status != OutboxMailStatus.Sent;
}

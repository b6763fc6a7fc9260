using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Tasks.Pages;

/// <summary>How the task pages name outcomes, states and times. Each name is a key of the message table.</summary>
public static class TaskDisplay
{
    /// <summary>The button (and the recorded decision) of an outcome of a form.</summary>
    public static string OutcomeLabel(string? outcome) => outcome switch
    {
        "approve" => "Approve",
        "reject" => "Reject",
        "complete" => "AskForCompletion",
        "submit" => "Submit",
        "extended" => "ExtendedSupport",
        "integration" => "Integration",
        "return" => "Return",
        "end" => "EndSupport",
        "noted" => "Noted",
        "attest" => "Invoice.Attest",
        "send-back" => "Invoice.SendBack",
        "accept" => "Certification.AcceptQuestionnaire",
        "all-met" => "Certification.AllMet",
        "action-plan" => "Certification.WithActionPlan",
        "grant" => "Certification.Grant",
        _ => "UnknownOutcome",
    };

    /// <summary>
    /// The button of an outcome of <paramref name="form"/>: as <see cref="OutcomeLabel(string?)"/>, but the routine check's
    /// <c>complete</c> renews the certification, where the admission review's asks for completion.
    /// </summary>
    public static string OutcomeLabel(string? form, string? outcome) => (form, outcome) switch
    {
        ("routine-check", "complete") => "RoutineCheck.Complete",
        _ => OutcomeLabel(outcome),
    };

    public static string StatusLabel(WaitStatus status) => status switch
    {
        WaitStatus.Open => "Open",
        WaitStatus.Completed => "Completed",
        _ => "Cancelled",
    };

    /// <summary>A point in time as a Swedish user reads it (Swedish local time).</summary>
    public static string Time(DateTimeOffset time) => SwedishCalendar.Format(time);

    /// <summary>A due time as its day: tasks fall due on a day (a period's last day).</summary>
    public static string Day(DateTimeOffset? time) =>
        time is { } t ? SwedishCalendar.FormatDay(DateOnly.FromDateTime(SwedishCalendar.ToSwedish(t).DateTime)) : "–";

    public static string Day(DateOnly day) => SwedishCalendar.FormatDay(day);

    /// <summary>The inbox's due-day filter's choices.</summary>
    public static string DueLabel(InboxDue due) => due switch
    {
        InboxDue.Overdue => "InboxDue.Overdue",
        InboxDue.Within7Days => "InboxDue.Within7Days",
        _ => "InboxDue.Within14Days",
    };

    /// <summary>
    /// The last day to act: a task due at midnight (the start of the day after a period) is due by the end of the day
    /// before, which is the day a person reads as its due date.
    /// </summary>
    public static string DueDay(DateTimeOffset? due) =>
        due is { } t && SwedishCalendar.ToSwedish(t) is var local ? Day(local.TimeOfDay == TimeSpan.Zero ? local.AddDays(-1) : local) : "–";
}

using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Web.Features.Cases.Timeline;

namespace NspWorkflow.Web.Pathways;

/// <summary>
/// The pathways' answers for the case timeline: the period reminder is the reminder, and each reason on the case file
/// belongs to the decision whose form wrote it (see the forms' <c>PrepareAsync</c>): a rejected application's reason,
/// the latest request for completion (the case keeps only the latest comment), a rejected period request's reason in
/// the order of its kind, and the exit report. A point intervention's reason is shown with the intervention itself.
/// </summary>
public sealed class CaseTimelineVocabulary : ICaseTimelineVocabulary
{
    public bool IsReminder(string? mailTemplate) => mailTemplate == PathwayMailer.ReminderTemplate;

    public IReadOnlyList<string?> ReasonsOf(Case @case, IReadOnlyList<CompletedDecision> decisions)
    {
        var rejected = @case.RejectedRequests.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => new Queue<string>(g.Select(r => r.Reason)));
        var lastCompletion = decisions.ToList().FindLastIndex(d => d is { FormKey: "admission-review", Outcome: "complete" });
        return [.. decisions.Select((d, i) => (d.FormKey, d.Outcome) switch
        {
            ("admission-review", "reject") => @case.RejectionReason,
            ("admission-review", "complete") when i == lastCompletion => @case.CompletionComment,
            ("extended-review", "reject") => Next(rejected, PeriodKind.Extended),
            ("integration-review", "reject") => Next(rejected, PeriodKind.Integration),
            ("exit-report", "submit") => @case.ExitReport,
            _ => null,
        })];
    }

    private static string? Next(Dictionary<PeriodKind, Queue<string>> rejected, PeriodKind kind) =>
        rejected.TryGetValue(kind, out var reasons) && reasons.TryDequeue(out var reason) ? reason : null;
}

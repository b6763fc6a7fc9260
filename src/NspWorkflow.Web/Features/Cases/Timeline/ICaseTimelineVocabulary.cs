using NspWorkflow.Domain.Cases;

namespace NspWorkflow.Web.Features.Cases.Timeline;

/// <summary>A completed task on a case as the timeline reads it: its form and the outcome chosen, oldest first.</summary>
public sealed record CompletedDecision(string? FormKey, string? Outcome);

/// <summary>
/// What the timeline asks of the case's workflows, which the pathways provide (the forms, their outcomes and the mail
/// templates are theirs): which send tasks are reminders, and which reason the case file keeps for which decision.
/// </summary>
public interface ICaseTimelineVocabulary
{
    /// <summary>Whether a send task with this mail template reminds the shelter (the journal then shows a reminder sent).</summary>
    bool IsReminder(string? mailTemplate);

    /// <summary>
    /// The reason or free text the case file keeps for each decision (null when it keeps none), in the order given. Reasons
    /// live in the encrypted case file, not on the task rows; the pathways know which decision wrote which.
    /// </summary>
    IReadOnlyList<string?> ReasonsOf(Case @case, IReadOnlyList<CompletedDecision> decisions);
}

using NspWorkflow.Domain;

namespace NspWorkflow.Web.Features.Tasks;

public enum TaskCompletionStatus
{
    Completed,
    /// <summary>No such task, or the caller may not see its subject.</summary>
    NotFound,
    /// <summary>The caller sees the subject but the task is for another role.</summary>
    Forbidden,
    /// <summary>Completed or cancelled already (also: another person completed it a moment earlier).</summary>
    AlreadyCompleted,
    /// <summary>
    /// Other steps of the same instance (another task, a timer, a message) kept moving its workflow while this one was being
    /// stored, each time the engine tried. Nothing was stored and the task stays open: trying again will do.
    /// </summary>
    Conflict,
    /// <summary>The outcome or data break a rule; see the violations.</summary>
    Invalid,
    /// <summary>
    /// The workflow refused the step (e.g. it leads into a call of a process with no published version); see the reason.
    /// Nothing was stored and the task stays open; the engine records no incident, so an administrator must be told.
    /// </summary>
    Refused,
}

/// <summary>
/// What a completion did. <see cref="Reason"/> is the engine's explanation of a refusal: it names processes and elements,
/// never variable values (the engine's rule for its messages), so it may be shown and logged.
/// </summary>
public sealed record TaskCompletionResult(TaskCompletionStatus Status, IReadOnlyList<RuleViolation> Violations, string? Reason = null)
{
    public static TaskCompletionResult Of(TaskCompletionStatus status) => new(status, []);
}

namespace NspWorkflow.Engine.Store;

public enum EngineOutcome
{
    Started,
    Completed,
    /// <summary>The task was completed or cancelled before (perhaps a moment ago, by someone else).</summary>
    AlreadyCompleted,
    Delivered,
    Fired,
    /// <summary>The timer's activity or gateway was left before it fired; the timer row is cancelled.</summary>
    NotActive,
    /// <summary>The timer is not due yet by the host's clock.</summary>
    NotDue,
    Retried,
    NoIncident,
    /// <summary>No such process (none published), task, timer, instance, or no instance waits for the message.</summary>
    NotFound,
    /// <summary>The request was refused: invalid variables, or the instance cannot take it; see the message.</summary>
    Refused,
    /// <summary>The instance kept changing under the step (it was re-checked once); the caller may try again.</summary>
    Conflict,
    /// <summary>The timer start event's occurrence was started before (perhaps a moment ago, by another node).</summary>
    AlreadyStarted,
}

/// <summary>What a <see cref="WorkflowEngine"/> call did. <see cref="Message"/> explains refusals, never with variable values.</summary>
public sealed record EngineResult(EngineOutcome Outcome, Guid? InstanceId = null, string? Message = null)
{
    public static EngineResult NotFound(string message) => new(EngineOutcome.NotFound, null, message);
}

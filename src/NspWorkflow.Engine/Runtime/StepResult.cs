using System.Collections.Immutable;

namespace NspWorkflow.Engine.Runtime;

public enum StepErrorKind
{
    /// <summary>No open task with that id (already completed or cancelled): the host answers "already completed".</summary>
    TaskNotActive,
    /// <summary>No such timer any more: its activity was left or its gateway decided. The host drops the timer row.</summary>
    TimerNotActive,
    /// <summary>The timer's due time is still ahead of the clock; timers never fire early.</summary>
    TimerNotDue,
    /// <summary>No message subscription or child wait matches.</summary>
    NoSuchWait,
    /// <summary>RetryIncident on an instance without incidents.</summary>
    NoIncident,
    /// <summary>A variable name is not a JavaScript identifier (expressions could not see it) or a value cannot be JSON.</summary>
    InvalidVariables,
    /// <summary>The definition passed is not the instance's process.</summary>
    WrongDefinition,
}

public sealed record StepError(StepErrorKind Kind, string Message);

/// <summary>
/// The outcome of a start or resume. On success store <see cref="NewState"/>, apply <see cref="Effects"/> and append
/// <see cref="Journal"/> in ONE transaction. On failure (<see cref="Error"/> set) nothing changed: <see cref="NewState"/>
/// is the state passed in and there are no effects.
/// </summary>
public sealed record StepResult(InstanceState NewState, ImmutableArray<EngineEffect> Effects, ImmutableArray<JournalEntry> Journal, StepError? Error = null)
{
    public bool Succeeded => Error is null;

    internal static StepResult Fail(InstanceState state, StepErrorKind kind, string message) => new(state, [], [], new StepError(kind, message));
}

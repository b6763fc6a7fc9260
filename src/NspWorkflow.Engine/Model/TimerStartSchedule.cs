namespace NspWorkflow.Engine.Model;

/// <summary>
/// When a timer start event starts its process: once at a <see cref="DateTimer"/>'s instant, or at each occurrence of an
/// <see cref="AnchoredCycleTimer"/>. Other timers never start a process (validation refuses them on a start event).
/// </summary>
public static class TimerStartSchedule
{
    /// <summary>The last occurrence at or before <paramref name="instant"/>; null when there is none yet.</summary>
    public static DateTimeOffset? LatestAtOrBefore(TimerDefinition timer, DateTimeOffset instant, TimeZoneInfo? calendar = null) => timer switch
    {
        DateTimer date => date.Date <= instant ? date.Date : null,
        AnchoredCycleTimer cycle => cycle.LatestAtOrBefore(instant, calendar),
        _ => null,
    };

    /// <summary>The first occurrence strictly after <paramref name="instant"/>; null when none is left.</summary>
    public static DateTimeOffset? NextAfter(TimerDefinition timer, DateTimeOffset instant, TimeZoneInfo? calendar = null) => timer switch
    {
        DateTimer date => date.Date > instant ? date.Date : null,
        AnchoredCycleTimer cycle => cycle.NextAfter(instant, calendar),
        _ => null,
    };
}

using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Validation;

/// <summary>The timer of a timer start event: when the host starts the process on schedule.</summary>
public sealed partial class ProcessValidator
{
    /// <summary>
    /// A start event's timer must name instants of its own: a date (once) or a cycle from a start date. A duration or a
    /// cycle without a start would count from an instance's start, which a start event does not have yet, and an
    /// expression would have no variables to read.
    /// </summary>
    private static void CheckStartTimer(StartEvent start, TimerDefinition timer, string label, Action<string, string> report)
    {
        // "The timer of ..." first, so the designer shows the problem at the start event's timer field.
        var timerOf = $"The timer of {Uncapitalized(label)}";
        var problem = timer switch
        {
            DateTimer or AnchoredCycleTimer => null,
            InvalidTimer invalid => $"{timerOf} does not parse: {invalid.Error}",
            DurationTimer => $"{timerOf} is a duration ('{timer.Source}'), which would count from nothing: a start event starts the instance. " +
                "Use a date (timeDate), or a cycle from a start date such as R/2027-01-15T08:00:00+01:00/P1Y (timeCycle).",
            CycleTimer => $"{timerOf} is a cycle without a start date ('{timer.Source}'), which would count from nothing: a start event starts the instance. " +
                "Write the first occurrence into the cycle, such as R/2027-01-15T08:00:00+01:00/P1Y.",
            ExpressionTimer => $"{timerOf} is an expression ('{timer.Source}'); a process that has not started has no variables to compute it from. " +
                "Use a date, or a cycle from a start date such as R/2027-01-15T08:00:00+01:00/P1Y.",
            _ => $"{timerOf} cannot start a process ('{timer.Source}').",
        };
        if (problem is not null)
        {
            report(start.Id, problem);
        }
    }
}

using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Store;

/// <summary>
/// Timer start events: the host's sweep asks which processes are due (<see cref="FindDueScheduledStartsAsync"/>) and
/// starts each (<see cref="StartScheduledAsync"/>), a step of its own that claims the occurrence in the same commit.
/// </summary>
public sealed partial class WorkflowEngine
{
    /// <summary>The variable a scheduled instance starts with: the occurrence it was started for, as ISO-8601 UTC text.</summary>
    public const string ScheduledAtVariable = "scheduledAt";

    /// <summary>
    /// The occurrences to start now, at most one per process: the latest occurrence (by the host's clock) of the timer
    /// start event of each process's latest published version, when that version was published at or before it and no
    /// instance was started for it or a later one. Occurrences missed while no sweep ran are not caught up: only the
    /// latest starts (a year's round started late once, not every round the application was down for). An occurrence
    /// before the version was published never starts, so publishing a process does not start it for a past date.
    /// </summary>
    public async Task<IReadOnlyList<ScheduledOccurrence>> FindDueScheduledStartsAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var due = new List<ScheduledOccurrence>();
        IReadOnlyDictionary<string, DateTimeOffset>? started = null;
        foreach (var version in await definitions.ListLatestPublishedAsync(cancellationToken))
        {
            var process = await DefinitionOfAsync(version.ProcessId, version.Version, cancellationToken);
            if (TimerOf(process) is not { } timer
                || TimerStartSchedule.LatestAtOrBefore(timer, now, options.CalendarTimeZone) is not { } at
                || version.PublishedAt is not { } published || at < published)
            {
                continue;
            }

            // Read only when some process is due: a host without timer start events never asks.
            started ??= await store.LatestScheduledStartsAsync(cancellationToken);
            if (!started.TryGetValue(version.ProcessId, out var last) || last < at)
            {
                due.Add(new ScheduledOccurrence(version.ProcessId, version.Version, at.ToUniversalTime()));
            }
        }

        return due;
    }

    /// <summary>
    /// Starts an instance of <paramref name="occurrence"/>'s version with the variable <see cref="ScheduledAtVariable"/>,
    /// claiming the occurrence in the same commit: Started, or AlreadyStarted when it was claimed before (by another
    /// node a moment ago), in which case nothing is stored. NotDue before the occurrence; Refused when it is not an
    /// occurrence of the version's timer start event, or the start cannot be stored (a call of an unpublished process).
    /// </summary>
    public async Task<EngineResult> StartScheduledAsync(ScheduledOccurrence occurrence, CancellationToken cancellationToken = default)
    {
        var definition = await DefinitionOfAsync(occurrence.ProcessId, occurrence.Version, cancellationToken);
        if (TimerOf(definition) is not { } timer
            || TimerStartSchedule.LatestAtOrBefore(timer, occurrence.At, options.CalendarTimeZone) != occurrence.At)
        {
            return new EngineResult(EngineOutcome.Refused, null, $"{occurrence.At:O} is not an occurrence of the timer start event of '{occurrence.ProcessId}'.");
        }

        if (occurrence.At > time.GetUtcNow())
        {
            return new EngineResult(EngineOutcome.NotDue);
        }

        var at = occurrence.At.ToUniversalTime();
        var started = await StoreStartAsync(definition, occurrence.Version, new Dictionary<string, object?> { [ScheduledAtVariable] = at }, at,
            cancellationToken);
        // A new instance conflicts with nothing but the claim: another node started this occurrence first.
        return started.Outcome == EngineOutcome.Conflict
            ? new EngineResult(EngineOutcome.AlreadyStarted, null, "The occurrence was started before, perhaps a moment ago by another node.")
            : started;
    }

    private static TimerDefinition? TimerOf(ProcessDefinition process) =>
        process.StartOf()?.Timer;
}

/// <summary>One occurrence of a timer start event: when version <paramref name="Version"/> of the process starts (UTC).</summary>
public sealed record ScheduledOccurrence(string ProcessId, int Version, DateTimeOffset At);

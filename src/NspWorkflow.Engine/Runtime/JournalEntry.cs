using System.Text.Json.Serialization;

namespace NspWorkflow.Engine.Runtime;

[JsonConverter(typeof(JsonStringEnumConverter<JournalKind>))]
public enum JournalKind
{
    Entered,
    Left,
    /// <summary>The element was ended without completing (interrupting event, event-based gateway, terminate).</summary>
    Cancelled,
    Incident,
    /// <summary>A user task was completed; <see cref="JournalEntry.Detail"/> is the outcome, <see cref="JournalEntry.Actor"/> who.</summary>
    TaskCompleted,
    /// <summary>An administrator ran a failed element again; <see cref="JournalEntry.Actor"/> who.</summary>
    IncidentRetried,
}

/// <summary>One line of the instance's history, for the instance view (current and past steps).</summary>
public sealed record JournalEntry(DateTimeOffset At, Guid TokenId, string NodeId, JournalKind Kind, string? Detail = null, string? Actor = null);

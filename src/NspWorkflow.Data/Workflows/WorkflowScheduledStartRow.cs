namespace NspWorkflow.Data.Workflows;

/// <summary>
/// A row of <c>WorkflowScheduledStarts</c>: an occurrence of a process's timer start event that an instance was started
/// for. The key (process id, occurrence) is the claim: the step that starts the instance inserts it, so of two nodes
/// sweeping at once one stores its start and the other's insert fails, storing nothing. No foreign key to the instance:
/// the claim outlives the instance's erasure, or the occurrence would start again.
/// </summary>
public sealed class WorkflowScheduledStartRow
{
    public string ProcessId { get; set; } = "";

    /// <summary>The occurrence (UTC), the instance's <c>scheduledAt</c>.</summary>
    public DateTimeOffset OccurrenceAt { get; set; }

    public int DefinitionVersion { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>When the sweep started it (the app's clock): later than the occurrence by up to a minute, or by the downtime.</summary>
    public DateTimeOffset StartedAt { get; set; }
}

namespace NspWorkflow.Data.Tasks;

/// <summary>
/// An open coordinator task handed to one coordinator (by subject), who then finds it in their inbox. Unassigned tasks
/// are everybody's. <see cref="Version"/> is the concurrency token: two hand-overs at once give one winner.
/// </summary>
public sealed class TaskAssignmentRow
{
    public Guid TaskId { get; set; }
    public string AssignedTo { get; set; } = "";
    public string AssignedToName { get; set; } = "";
    public string AssignedBy { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
    public Guid Version { get; set; }
}

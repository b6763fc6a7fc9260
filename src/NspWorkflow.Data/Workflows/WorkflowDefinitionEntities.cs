using NspWorkflow.Engine.Definitions;

namespace NspWorkflow.Data.Workflows;

/// <summary>A row of <c>WorkflowDefinitionVersions</c>: one saved version of one process's definition (key: process id and version).</summary>
public sealed class WorkflowDefinitionVersionRow
{
    public string ProcessId { get; set; } = "";
    public int Version { get; set; }
    public DefinitionStatus Status { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The whole BPMN file the process came from.</summary>
    public string Xml { get; set; } = "";

    public string ContentHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public DefinitionVersion ToVersion() => new(ProcessId, Version, Status, Xml, Name, CreatedAt, PublishedAt, ContentHash);
}

/// <summary>
/// A row of <c>WorkflowDefinitions</c>: which version of a process is the latest published one. Created at the first
/// publish. <see cref="LatestPublishedVersion"/> is a concurrency token, so of two concurrent publishes one wins.
/// </summary>
public sealed class WorkflowDefinitionHead
{
    public string ProcessId { get; set; } = "";
    public int LatestPublishedVersion { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}

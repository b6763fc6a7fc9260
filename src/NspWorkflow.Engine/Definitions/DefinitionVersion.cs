namespace NspWorkflow.Engine.Definitions;

/// <summary>Where a version of a definition stands.</summary>
public enum DefinitionStatus
{
    /// <summary>Saved, not yet used by new instances; may have problems.</summary>
    Draft,

    /// <summary>Passed validation; new instances may start on it. Never changes once published.</summary>
    Published,
}

/// <summary>
/// One saved version of the definition of one process. <see cref="Version"/> counts 1..n per process id over every
/// saved file, drafts included, and never changes: the draft saved as version 3 is published as version 3.
/// <see cref="Xml"/> is the whole BPMN file the process came from (so the designer opens it as saved, and calls
/// to processes of the same file resolve); <see cref="ContentHash"/> is the SHA-256 of that text.
/// </summary>
public sealed record DefinitionVersion(
    string ProcessId,
    int Version,
    DefinitionStatus Status,
    string Xml,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    string ContentHash)
{
    /// <summary>The version without its XML, for lists.</summary>
    public DefinitionVersionInfo Info => new(ProcessId, Version, Status, Name, CreatedAt, PublishedAt, ContentHash);
}

/// <summary>A version without its XML (which may be large), for lists.</summary>
public sealed record DefinitionVersionInfo(
    string ProcessId,
    int Version,
    DefinitionStatus Status,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    string ContentHash);

/// <summary>One process id in the store: its name, the latest published version (null if none yet) and the drafts newer than it.</summary>
public sealed record DefinitionSummary(string ProcessId, string Name, int? LatestPublishedVersion, int DraftCount);

/// <summary>A draft about to be stored; the store assigns its version number.</summary>
public sealed record NewDraft(string ProcessId, string Name, string Xml, string ContentHash, DateTimeOffset CreatedAt);

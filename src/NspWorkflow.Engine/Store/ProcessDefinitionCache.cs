using System.Collections.Concurrent;
using System.Globalization;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Parsing;

namespace NspWorkflow.Engine.Store;

/// <summary>
/// Parsed definitions by (process id, version). Published versions never change, so an entry never goes stale; the
/// cache is bounded (emptied when full) so a host with many versions does not grow without end. Thread-safe: one per host.
/// </summary>
public sealed class ProcessDefinitionCache(int capacity = 256)
{
    private readonly ConcurrentDictionary<(string ProcessId, int Version), ProcessDefinition> entries = new();
    private readonly BpmnParser parser = new();

    /// <summary>The host's opaque version key an instance stores: the version number.</summary>
    public static string VersionKey(int version) => version.ToString(CultureInfo.InvariantCulture);

    public static int ParseVersionKey(string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InvalidOperationException("The instance's definition version is not a version number.");

    /// <summary>
    /// The parsed process if this version was parsed before: a resume then needs no read of the definition row (a stored
    /// version's content never changes, so the cached entry stays right).
    /// </summary>
    public bool TryGet(string processId, int version, out ProcessDefinition process) =>
        entries.TryGetValue((processId, version), out process!);

    /// <summary>The process of the stored version's file.</summary>
    /// <exception cref="InvalidOperationException">The file does not contain the process (it was stored by another tool).</exception>
    public ProcessDefinition Get(DefinitionVersion version)
    {
        var key = (version.ProcessId, version.Version);
        if (entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var process = parser.Parse(version.Xml).Document?.FindProcess(version.ProcessId)
            ?? throw new InvalidOperationException($"Version {version.Version} of '{version.ProcessId}' does not contain the process.");
        if (entries.Count >= capacity)
        {
            entries.Clear();
        }

        entries[key] = process;
        return process;
    }
}

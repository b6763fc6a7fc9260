using System.Collections.Immutable;

namespace NspWorkflow.Engine.Model;

/// <summary>
/// One <c>bpmn:process</c>: an immutable graph. Lookups by node are precomputed so execution never scans.
/// <see cref="Messages"/> and <see cref="Errors"/> are the document's (BPMN declares them beside the processes). The nodes
/// of embedded sub-processes are in <see cref="Nodes"/> too; <see cref="ScopeOf"/> names the sub-process a node is in.
/// </summary>
public sealed partial record ProcessDefinition
{
    public ProcessDefinition(string id, string? name, IEnumerable<FlowNode> nodes, IEnumerable<SequenceFlow> flows,
        ImmutableDictionary<string, MessageDefinition> messages, ImmutableDictionary<string, ErrorDefinition>? errors = null,
        IReadOnlyDictionary<string, string>? scopes = null)
    {
        Id = id;
        Name = name;
        var nodeList = nodes.ToImmutableArray();
        NodeOrder = nodeList.Select(n => n.Id).Distinct(StringComparer.Ordinal).ToImmutableArray();
        // Duplicate ids are reported by the parser; the first one wins here so the model stays usable.
        var byId = ImmutableDictionary.CreateBuilder<string, FlowNode>(StringComparer.Ordinal);
        foreach (var node in nodeList)
        {
            byId.TryAdd(node.Id, node);
        }

        Nodes = byId.ToImmutable();
        Flows = flows.ToImmutableArray();
        Messages = messages;
        Errors = errors ?? ImmutableDictionary<string, ErrorDefinition>.Empty;
        Scopes = (scopes ?? ImmutableDictionary<string, string>.Empty).ToImmutableDictionary(StringComparer.Ordinal);
        // The start of each scope: "" for the process, else the sub-process id. Duplicates are the validator's to report.
        Starts = nodeList.OfType<StartEvent>().GroupBy(s => Scopes.GetValueOrDefault(s.Id, ""), StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        FlowsById = Flows.GroupBy(f => f.Id, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Outgoing = Flows.GroupBy(f => f.SourceId, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        Incoming = Flows.GroupBy(f => f.TargetId, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        Boundaries = nodeList.OfType<BoundaryEvent>().Where(b => b.AttachedToId is not null)
            .GroupBy(b => b.AttachedToId!, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        (InclusiveJoins, sourcesOfJoinFlows) = ComputeInclusiveJoins();
    }

    public string Id { get; }
    public string? Name { get; }
    public ImmutableDictionary<string, FlowNode> Nodes { get; }
    /// <summary>Node ids in document order, so messages and execution are deterministic.</summary>
    public ImmutableArray<string> NodeOrder { get; }
    public ImmutableArray<SequenceFlow> Flows { get; }
    public ImmutableDictionary<string, SequenceFlow> FlowsById { get; }
    public ImmutableDictionary<string, MessageDefinition> Messages { get; }
    public ImmutableDictionary<string, ErrorDefinition> Errors { get; }
    /// <summary>Node id to the id of the embedded sub-process that holds it; nodes of the process itself are absent.</summary>
    private ImmutableDictionary<string, string> Scopes { get; }
    private ImmutableDictionary<string, StartEvent> Starts { get; }
    private ImmutableDictionary<string, ImmutableArray<SequenceFlow>> Outgoing { get; }
    private ImmutableDictionary<string, ImmutableArray<SequenceFlow>> Incoming { get; }
    private ImmutableDictionary<string, ImmutableArray<BoundaryEvent>> Boundaries { get; }

    public IEnumerable<FlowNode> NodesInOrder => NodeOrder.Select(id => Nodes[id]);

    public ImmutableArray<SequenceFlow> OutgoingOf(string nodeId) => Outgoing.GetValueOrDefault(nodeId, []);
    public ImmutableArray<SequenceFlow> IncomingOf(string nodeId) => Incoming.GetValueOrDefault(nodeId, []);
    public ImmutableArray<BoundaryEvent> BoundariesOf(string activityId) => Boundaries.GetValueOrDefault(activityId, []);

    /// <summary>The embedded sub-process that holds <paramref name="nodeId"/>, or null for a node of the process itself.</summary>
    public string? ScopeOf(string nodeId) => Scopes.GetValueOrDefault(nodeId);

    /// <summary>The start event of the process (<paramref name="subProcessId"/> null) or of an embedded sub-process.</summary>
    public StartEvent? StartOf(string? subProcessId = null) => Starts.GetValueOrDefault(subProcessId ?? "");

    /// <summary>True when the document holds embedded sub-processes, so checks that cost something run only then.</summary>
    public bool HasSubProcesses => !Scopes.IsEmpty;
}

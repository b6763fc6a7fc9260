using System.Collections.Immutable;

namespace NspWorkflow.Engine.Model;

/// <summary>
/// One <c>bpmn:process</c>: an immutable graph. Lookups by node are precomputed so execution never scans.
/// <see cref="Messages"/> are the document's messages (BPMN declares them beside the processes).
/// </summary>
public sealed partial record ProcessDefinition
{
    public ProcessDefinition(string id, string? name, IEnumerable<FlowNode> nodes, IEnumerable<SequenceFlow> flows,
        ImmutableDictionary<string, MessageDefinition> messages)
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
    private ImmutableDictionary<string, ImmutableArray<SequenceFlow>> Outgoing { get; }
    private ImmutableDictionary<string, ImmutableArray<SequenceFlow>> Incoming { get; }
    private ImmutableDictionary<string, ImmutableArray<BoundaryEvent>> Boundaries { get; }

    public IEnumerable<FlowNode> NodesInOrder => NodeOrder.Select(id => Nodes[id]);

    public ImmutableArray<SequenceFlow> OutgoingOf(string nodeId) => Outgoing.GetValueOrDefault(nodeId, []);
    public ImmutableArray<SequenceFlow> IncomingOf(string nodeId) => Incoming.GetValueOrDefault(nodeId, []);
    public ImmutableArray<BoundaryEvent> BoundariesOf(string activityId) => Boundaries.GetValueOrDefault(activityId, []);
}

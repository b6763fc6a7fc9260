using System.Collections.Frozen;
using System.Collections.Immutable;

namespace NspWorkflow.Engine.Model;

/// <summary>
/// What an inclusive join needs at run time, computed once per definition so that a resume only looks it up. A process
/// without inclusive joins has none of it and pays nothing.
/// </summary>
public sealed partial record ProcessDefinition
{
    private readonly FrozenDictionary<string, FrozenSet<string>> sourcesOfJoinFlows;

    /// <summary>Inclusive gateways with several incoming flows, in document order: the joins a step checks again before it ends.</summary>
    public ImmutableArray<InclusiveGateway> InclusiveJoins { get; }

    /// <summary>
    /// The nodes from which a token can still reach <paramref name="flowId"/>, an incoming flow of an inclusive join,
    /// without passing through that join: along flows, and from an activity through its boundary events. Empty for any
    /// other flow.
    /// </summary>
    public FrozenSet<string> NodesReaching(string flowId) => sourcesOfJoinFlows.GetValueOrDefault(flowId, FrozenSet<string>.Empty);

    private (ImmutableArray<InclusiveGateway> Joins, FrozenDictionary<string, FrozenSet<string>> Sources) ComputeInclusiveJoins()
    {
        var joins = NodeOrder.Select(id => Nodes[id]).OfType<InclusiveGateway>().Where(g => IncomingOf(g.Id).Length > 1).ToImmutableArray();
        if (joins.IsEmpty)
        {
            return (joins, FrozenDictionary<string, FrozenSet<string>>.Empty);
        }

        var sources = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var join in joins)
        {
            foreach (var flow in IncomingOf(join.Id))
            {
                sources[flow.Id] = NodesBefore(flow, join.Id);
            }
        }

        return (joins, sources.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Walks back from the flow's source; a path through the join itself does not count (the join's own token is what it waits with).</summary>
    private FrozenSet<string> NodesBefore(SequenceFlow flow, string joinId)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([flow.SourceId]);
        while (pending.TryPop(out var id))
        {
            if (id == joinId || !found.Add(id))
            {
                continue;
            }

            foreach (var before in IncomingOf(id))
            {
                pending.Push(before.SourceId);
            }

            // A token waiting at an activity can leave by any of its boundary events.
            if (Nodes.GetValueOrDefault(id) is BoundaryEvent { AttachedToId: { } activity })
            {
                pending.Push(activity);
            }
        }

        return found.ToFrozenSet(StringComparer.Ordinal);
    }
}

using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Validation;

/// <summary>
/// Models that can hang at a parallel join: a warning, not a refusal, since a model may rely on a path the data never
/// takes. A join needs a token on every incoming flow; when two of its flows begin at different branches of one choice
/// (an exclusive or event-based gateway, or an activity and its interrupting boundary event), only one of them can carry
/// a token, and the join waits for ever; so it does behind an inclusive gateway, which takes only the branches whose
/// conditions hold. At run time the engine turns such a wait into an incident naming the join.
/// </summary>
public static class DeadlockWarnings
{
    public static IReadOnlyList<ValidationProblem> Of(BpmnDocument document) => [.. document.Processes.SelectMany(Of)];

    public static IEnumerable<ValidationProblem> Of(ProcessDefinition process)
    {
        foreach (var join in process.NodesInOrder.OfType<ParallelGateway>())
        {
            var incoming = process.IncomingOf(join.Id);
            if (incoming.Length < 2)
                continue;

            // Each incoming flow's nearest choices upstream, with the branch of each the flow lies on.
            var origins = incoming.Select(flow => ChoicesBehind(process, flow)).ToList();
            var conflict = origins.SelectMany((set, i) => set.Select(o => (Flow: i, o.Choice, o.Branch)))
                .GroupBy(o => o.Choice, StringComparer.Ordinal)
                .FirstOrDefault(g => g.Select(o => o.Branch).Distinct(StringComparer.Ordinal).Count() > 1 && g.Select(o => o.Flow).Distinct().Count() > 1);
            if (conflict is not null)
            {
                var choice = process.Nodes[conflict.Key];
                yield return new ValidationProblem(join.Id, choice is InclusiveGateway
                    ? $"Parallel join {join.Describe()} waits for a token on every incoming flow, but some of them start at branches of inclusive gateway {choice.Describe()}, which takes only the branches whose conditions hold: the join can wait for ever. Join them with an inclusive gateway."
                    : $"Parallel join {join.Describe()} waits for a token on every incoming flow, but some of them start at alternatives of {Alternatives(choice)}, of which only one is ever taken: the join can wait for ever. Merge alternatives with an exclusive gateway.");
            }
        }
    }

    /// <summary>
    /// The choices nearest upstream of <paramref name="flow"/> on every path back (stopping at each path's first split),
    /// each with the branch taken: the outgoing flow's id, or the boundary event's.
    /// </summary>
    private static HashSet<(string Choice, string Branch)> ChoicesBehind(ProcessDefinition process, SequenceFlow flow)
    {
        var found = new HashSet<(string, string)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SequenceFlow>([flow]);
        while (pending.TryPop(out var current))
        {
            if (!visited.Add(current.Id) || !process.Nodes.TryGetValue(current.SourceId, out var source))
                continue;
            switch (source)
            {
                case ExclusiveGateway or EventBasedGateway or InclusiveGateway when process.OutgoingOf(source.Id).Length > 1:
                    found.Add((source.Id, current.Id));
                    continue;
                case BoundaryEvent { Interrupting: true, AttachedToId: { } activity }:
                    found.Add((activity, source.Id));
                    continue;
                case BoundaryEvent or StartEvent:
                    continue;
            }

            if (process.BoundariesOf(source.Id).Any(b => b.Interrupting))
            {
                found.Add((source.Id, current.Id));
                continue;
            }

            // A fork (or an activity with several outgoing flows) sends a token down every branch: no choice behind this path.
            if (process.OutgoingOf(source.Id).Length > 1)
                continue;

            foreach (var before in process.IncomingOf(source.Id))
                pending.Push(before);
        }

        return found;
    }

    private static string Alternatives(FlowNode choice) => choice switch
    {
        ExclusiveGateway => $"exclusive gateway {choice.Describe()}",
        EventBasedGateway => $"event-based gateway {choice.Describe()}",
        _ => $"activity {choice.Describe()} and its interrupting boundary events",
    };
}

using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Validation;

/// <summary>
/// Models that can hang at a parallel join: a warning, not a refusal, since a model may rely on a path the data never
/// takes. A join needs a token on every incoming flow; when two of its flows begin at different branches of one choice
/// (an exclusive or event-based gateway, or an activity and its interrupting boundary event), only one of them can carry
/// a token, and the join waits for ever; so it does behind an inclusive gateway, which takes only the branches whose
/// conditions hold; and when a loop leads back into the fork before the join, which sends unmatched tokens down the
/// branches. At run time the engine turns such a wait into an incident naming the join.
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
            else if (ForkLoopedBefore(process, join) is { } fork)
            {
                yield return new ValidationProblem(join.Id,
                    $"Parallel join {join.Describe()} waits for one token on each incoming flow, but a loop leads back into fork {fork.Describe()} without passing the join: each round sends another token down every branch, and the join can be left with tokens it can never match. Close the loop after the join, or merge it into the branch it repeats.");
            }
        }
    }

    /// <summary>
    /// A parallel fork upstream of <paramref name="join"/> that a path leads back into without passing the join (a loop
    /// drawn back into the fork): it makes unmatched tokens on the join's flows.
    /// </summary>
    private static FlowNode? ForkLoopedBefore(ProcessDefinition process, ParallelGateway join)
    {
        foreach (var fork in process.NodesInOrder.OfType<ParallelGateway>())
        {
            if (fork.Id == join.Id || process.OutgoingOf(fork.Id).Length < 2 || !Reaches(process, fork.Id, join.Id, avoid: null))
                continue;
            if (Reaches(process, fork.Id, fork.Id, avoid: join.Id))
                return fork;
        }

        return null;
    }

    /// <summary>Whether a path of flows (boundary events with their activity) leads from <paramref name="from"/> to <paramref name="to"/> without entering <paramref name="avoid"/>.</summary>
    private static bool Reaches(ProcessDefinition process, string from, string to, string? avoid)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var current))
        {
            var next = process.OutgoingOf(current).Select(f => f.TargetId).Concat(process.BoundariesOf(current).Select(b => b.Id));
            foreach (var target in next)
            {
                if (target == to)
                    return true;
                if (target != avoid && visited.Add(target))
                    pending.Push(target);
            }
        }

        return false;
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

using System.Collections.Immutable;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Runtime;

/// <summary>
/// The inclusive gateway (BPMN 2.0 §13.3.4). Split: every outgoing flow whose condition holds, else the default. Join: an
/// arriving token waits (<see cref="TokenState.AtJoin"/>) until every incoming flow without a token is one that no other
/// token of the instance can still reach; then one token per arrived flow merges into one, which splits. A token moving
/// elsewhere can release a waiting join without coming near it, so the joins are checked again once the token loop has
/// run dry (<see cref="SettleInclusiveJoins"/>).
/// </summary>
internal sealed partial class Execution
{
    private void EnterInclusive(Work work, InclusiveGateway gateway)
    {
        if (definition.IncomingOf(gateway.Id).Length > 1)
        {
            tokens.Add(new Token(work.TokenId, gateway.Id, TokenState.AtJoin, work.Via, work.Scope));
            TryFireInclusive(gateway, work.TokenId, work.Scope);
            return;
        }

        if (ChooseInclusiveFlows(gateway, out var chosen) is { } error)
        {
            Incident(work, gateway.Id, error);
            return;
        }

        TakeAll(work.TokenId, work.Scope, gateway, chosen);
    }

    /// <summary>
    /// After the token loop: fires the first waiting inclusive join (document order) that can fire, runs its token to a
    /// wait, and looks again until none can. A process without inclusive joins returns at once, allocating nothing.
    /// </summary>
    private void SettleInclusiveJoins()
    {
        if (definition.InclusiveJoins.IsEmpty)
        {
            return;
        }

        var fired = true;
        while (fired)
        {
            fired = false;
            foreach (var join in definition.InclusiveJoins)
            {
                // Each run of a sub-process has its own join: try each scope a token waits in there.
                var scopes = tokens.Where(t => t.NodeId == join.Id && t.State == TokenState.AtJoin).Select(t => t.Scope).Distinct().ToList();
                foreach (var scope in scopes)
                {
                    if (TryFireInclusive(join, null, scope))
                    {
                        fired = true;
                        break;
                    }
                }

                if (fired)
                {
                    break;
                }
            }

            if (fired)
            {
                Run();
            }
        }
    }

    /// <summary>
    /// Fires the join if it can: true when its token went on. A failing condition leaves every token where it was, except
    /// the one that would have gone on, which stops at the gateway with an incident; a retry brings it back by its flow.
    /// </summary>
    private bool TryFireInclusive(InclusiveGateway gateway, Guid? arriving, Guid? scope)
    {
        if (!HasTokenAtJoin(gateway.Id))
        {
            return false;
        }

        var incoming = definition.IncomingOf(gateway.Id);
        var arrived = new Token?[incoming.Length];
        Token? keeper = null;
        for (var i = 0; i < incoming.Length; i++)
        {
            // The first token per flow; a second one on the same flow stays for the next firing.
            arrived[i] = tokens.Find(t => t.NodeId == gateway.Id && t.State == TokenState.AtJoin && t.ArrivedVia == incoming[i].Id && t.Scope == scope);
            if (arrived[i] is { } token && (keeper is null || token.Id == arriving))
            {
                keeper = token;
            }
        }

        for (var i = 0; i < incoming.Length; i++)
        {
            if (arrived[i] is null && CanStillArrive(gateway.Id, incoming[i], scope, incoming, arrived))
            {
                return false;
            }
        }

        if (keeper is null)
        {
            return false; // only extra tokens of flows it does not list (a changed definition): nothing to join
        }

        if (ChooseInclusiveFlows(gateway, out var chosen) is { } error)
        {
            tokens.Remove(keeper);
            Incident(new Work(keeper.Id, gateway.Id, keeper.ArrivedVia, Scope: scope), gateway.Id, error);
            return false;
        }

        foreach (var token in arrived)
        {
            if (token is not null)
            {
                tokens.Remove(token);
                if (token.Id != keeper.Id)
                {
                    Log(token.Id, gateway.Id, JournalKind.Left, "joined");
                }
            }
        }

        TakeAll(keeper.Id, scope, gateway, chosen);
        return true;
    }

    private bool HasTokenAtJoin(string gatewayId)
    {
        foreach (var token in tokens)
        {
            if (token.NodeId == gatewayId && token.State == TokenState.AtJoin)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether another token, waiting anywhere or still queued in this step, can still bring a token to the empty
    /// <paramref name="flow"/> without passing through the join: it is at a node the flow can be reached from, or it is
    /// on its way into the join by that flow (queued, or stopped there with an incident that a retry sends in again).
    /// As BPMN 2.0 §13.3.4 says, a token that can also reach a flow that already has a token does not hold the join (it
    /// will make the join fire again when it comes, as in a loop).
    /// </summary>
    private bool CanStillArrive(string joinId, SequenceFlow flow, Guid? scope, ImmutableArray<SequenceFlow> incoming, Token?[] arrived)
    {
        // Flows do not cross a sub-process's border, so only tokens of the same run can reach the flow.
        var sources = definition.NodesReaching(flow.Id);
        bool Holds(string nodeId)
        {
            if (!sources.Contains(nodeId))
            {
                return false;
            }

            for (var i = 0; i < incoming.Length; i++)
            {
                if (arrived[i] is not null && definition.NodesReaching(incoming[i].Id).Contains(nodeId))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var token in tokens)
        {
            if (token.Scope != scope)
            {
                continue;
            }

            if (token.NodeId == joinId ? token.State == TokenState.Incident && token.ArrivedVia == flow.Id : Holds(token.NodeId))
            {
                return true;
            }
        }

        foreach (var work in queue)
        {
            if (work.Scope != scope)
            {
                continue;
            }

            if (work.NodeId == joinId ? work.Via == flow.Id : Holds(work.NodeId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every flow whose condition holds (document order), else the default; null when chosen, else the incident's message.
    /// All conditions are evaluated before any token moves, so a failing one takes no flow at all.
    /// </summary>
    private string? ChooseInclusiveFlows(InclusiveGateway gateway, out List<SequenceFlow> chosen)
    {
        chosen = [];
        SequenceFlow? fallback = null;
        IReadOnlyDictionary<string, object?>? scope = null;
        foreach (var flow in definition.OutgoingOf(gateway.Id))
        {
            if (flow.IsDefault || flow.Id == gateway.DefaultFlowId)
            {
                fallback ??= flow;
                continue;
            }

            if (flow.Condition is { } condition)
            {
                var result = evaluator.EvaluateCondition(condition, scope ??= Variables.ForExpressions(variables), time);
                if (!result.Succeeded)
                {
                    return $"The condition of flow '{flow.Id}' failed: {result.Error}";
                }

                if (result.Value is not true)
                {
                    continue;
                }
            }

            chosen.Add(flow);
        }

        if (chosen.Count == 0)
        {
            if (fallback is null)
            {
                return $"No condition of gateway {gateway.Describe()} holds and it has no default flow.";
            }

            chosen.Add(fallback);
        }

        return null;
    }

    /// <summary>One token per chosen flow; the first keeps the token's id. One Left line names the flows taken.</summary>
    private void TakeAll(Guid tokenId, Guid? scope, InclusiveGateway gateway, List<SequenceFlow> chosen)
    {
        Log(tokenId, gateway.Id, JournalKind.Left, string.Join(", ", chosen.Select(f => f.Id)));
        for (var i = 0; i < chosen.Count; i++)
        {
            queue.Enqueue(new Work(i == 0 ? tokenId : ids.NewId(), chosen[i].TargetId, chosen[i].Id, Scope: scope));
        }
    }
}

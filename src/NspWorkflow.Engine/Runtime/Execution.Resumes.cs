using System.Collections.Immutable;
using System.Text.Json;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Runtime;

/// <summary>The ways a waiting instance resumes (a task completed, a timer fired, a message delivered, a child finished, incidents retried) and the step's result.</summary>
internal sealed partial class Execution
{
    public void CompleteTask(TaskWait task, string? outcome, string? completedBy)
    {
        tasks.Remove(task);
        Log(task.TokenId, task.NodeId, JournalKind.TaskCompleted, outcome, completedBy);
        CompleteActivityOrInstance(TakeToken(task.TokenId));
    }

    public void FireTimer(TimerWait timer)
    {
        timers.Remove(timer);
        var token = tokens.First(t => t.Id == timer.TokenId);
        switch (definition.Nodes.GetValueOrDefault(timer.NodeId))
        {
            case BoundaryEvent boundary:
                TriggerBoundary(boundary, token);
                if (!boundary.Interrupting && timer.RepetitionsLeft > 0 && CycleInterval(timer, boundary) is { } interval)
                {
                    Schedule(token.Id, boundary.Id, interval.AddTo(timer.DueAt), timer.RepetitionsLeft - 1, timer.Interval);
                }

                break;
            case IntermediateCatchEvent when token.NodeId == timer.NodeId:
                TakeToken(token.Id);
                queue.Enqueue(new Work(token.Id, timer.NodeId, token.ArrivedVia, Triggered: true, Resumed: true, token.Scope));
                break;
            default:
                TriggerGatewayEvent(token, timer.NodeId);
                break;
        }
    }

    private static IsoDuration? CycleInterval(TimerWait timer, BoundaryEvent boundary) =>
        timer.Interval ?? (boundary.Trigger is TimerTrigger { Timer: CycleTimer cycle } ? cycle.Interval : null);

    public void DeliverMessage(MessageWait wait)
    {
        var token = tokens.First(t => t.Id == wait.TokenId);
        var node = definition.Nodes.GetValueOrDefault(wait.NodeId);
        if (node is BoundaryEvent { Interrupting: false } nonInterrupting)
        {
            // The subscription stays: a non-interrupting message event can happen again while its activity waits.
            TriggerBoundary(nonInterrupting, token);
            return;
        }

        messages.Remove(wait);
        if (node is BoundaryEvent boundary)
        {
            TriggerBoundary(boundary, token);
        }
        else if (token.NodeId == wait.NodeId && node is ReceiveTask)
        {
            CompleteActivity(TakeToken(token.Id));
        }
        else if (token.NodeId == wait.NodeId)
        {
            TakeToken(token.Id);
            queue.Enqueue(new Work(token.Id, wait.NodeId, token.ArrivedVia, Triggered: true, Resumed: true, token.Scope));
        }
        else
        {
            TriggerGatewayEvent(token, wait.NodeId);
        }
    }

    public void CompleteChild(ChildWait child, IReadOnlyDictionary<string, JsonElement> childVariables, string? errorCode)
    {
        children.Remove(child);
        var token = tokens.First(t => t.Id == child.TokenId);
        if (errorCode is not null && definition.Nodes.GetValueOrDefault(child.NodeId) is CallActivity failed)
        {
            CatchChildError(token, failed, errorCode);
            return;
        }

        if (definition.Nodes.GetValueOrDefault(child.NodeId) is CallActivity call)
        {
            var loop = LoopOf(token);
            var builder = variables.ToBuilder();
            foreach (var map in Mappings(call.Settings.Outputs))
            {
                var value = childVariables.TryGetValue(map.Source, out var found) ? found.Clone() : Null;
                // A multi-instance call gathers each output in a list, at the instance's place in the collection.
                builder[map.Target] = loop is null ? value : WithItem(builder.GetValueOrDefault(map.Target), loop.Value.Instance.Index, value);
            }

            variables = builder.ToImmutable();
        }

        CompleteActivityOrInstance(TakeToken(child.TokenId));
    }

    /// <summary>
    /// Every token left waits at a parallel join, and nothing else waits (no task, timer, message or child): no token can
    /// ever bring the missing flows, so the instance would hang without a word. Each such join becomes an incident naming it
    /// and the flows it still waits for (a join fed by an exclusive split, a boundary flow into a join, a loop back into a
    /// fork); a retry enters the join again, and if nothing changed, raises the incident again.
    /// </summary>
    private void ReportDeadlock()
    {
        // An inclusive join waits only while another token can still reach it; with every token at a join, that token waits
        // at a parallel join, which is the one to report, or the inclusive joins wait for each other.
        var atJoins = tokens.Where(t => t.State == TokenState.AtJoin).ToList();
        var parallel = atJoins.Where(t => definition.Nodes.GetValueOrDefault(t.NodeId) is ParallelGateway).ToList();
        var (stuck, cause) = parallel.Count > 0
            ? (parallel, "which no token can reach any more")
            : (atJoins, "which only tokens waiting at other joins can reach");
        foreach (var join in stuck.GroupBy(t => (t.NodeId, t.Scope)).ToList())
        {
            var arrived = join.Select(t => t.ArrivedVia).ToHashSet(StringComparer.Ordinal);
            var missing = definition.IncomingOf(join.Key.NodeId).Where(f => !arrived.Contains(f.Id)).Select(f => $"'{f.Id}'");
            var first = join.First();
            tokens.Remove(first);
            var gateway = definition.Nodes[join.Key.NodeId];
            var kind = gateway is InclusiveGateway ? "inclusive" : "parallel";
            Incident(new Work(first.Id, join.Key.NodeId, first.ArrivedVia, Scope: first.Scope), join.Key.NodeId,
                $"The {kind} join {gateway.Describe()} waits for {string.Join(", ", missing)}, {cause}; the instance cannot go on.");
        }
    }

    /// <summary>
    /// Tokens wait at joins and nothing else can move: every other token is a sub-process waiting for its scope, and no
    /// timer or subscription (a sub-process's boundary events) can still interrupt one.
    /// </summary>
    private bool IsDeadlocked()
    {
        var atJoin = false;
        foreach (var token in tokens)
        {
            if (token.State == TokenState.AtJoin)
            {
                atJoin = true;
            }
            else if (token.State != TokenState.Waiting || definition.Nodes.GetValueOrDefault(token.NodeId) is not SubProcess)
            {
                return false;
            }
        }

        return atJoin && timers.Count == 0 && messages.Count == 0;
    }

    public void RetryIncidents(string? retriedBy)
    {
        foreach (var incident in incidents)
        {
            var token = TakeToken(incident.TokenId);
            Log(token.Id, token.NodeId, JournalKind.IncidentRetried, null, retriedBy);
            queue.Enqueue(new Work(token.Id, token.NodeId, token.ArrivedVia, Scope: token.Scope));
        }

        incidents.Clear();
    }

    public StepResult Finish()
    {
        Run();
        SettleInclusiveJoins();
        if (status is InstanceStatus.Running or InstanceStatus.Incident && IsDeadlocked())
        {
            ReportDeadlock();
        }

        if (status is InstanceStatus.Running or InstanceStatus.Incident)
        {
            if (tokens.Count == 0)
            {
                status = InstanceStatus.Completed;
                effects.Add(new InstanceCompleted(original.InstanceId));
            }
            else
            {
                status = incidents.Count > 0 ? InstanceStatus.Incident : InstanceStatus.Running;
            }
        }

        var state = original with
        {
            Loops = loops.Count == 0 ? null : [.. loops],
            Status = status,
            Sequence = original.Sequence + 1,
            Variables = variables,
            Tokens = [.. tokens],
            Tasks = [.. tasks],
            Timers = [.. timers],
            Messages = [.. messages],
            Children = [.. children],
            Incidents = [.. incidents],
        };
        return new StepResult(state, [.. effects], [.. journal]);
    }
}

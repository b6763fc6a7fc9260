using System.Collections.Immutable;
using System.Text.Json;
using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Runtime;

/// <summary>
/// Multi-instance user tasks and call activities (BPMN 2.0 §13.3.7). The activity's own token (the body) waits at it with
/// the activity's boundary events, while each instance runs with a token scoped to the body, one after another or all at
/// once. The activity completes when every instance has, or earlier when its completion condition holds.
/// </summary>
internal sealed partial class Execution
{
    /// <summary>The 0-based index of an instance, passed to a called process beside the element variable.</summary>
    private const string LoopCounterVariable = "loopCounter";

    /// <summary>More instances than this is almost surely the wrong list; a called process per item would also pass the step's instance limit.</summary>
    internal const int MaxLoopInstances = 1_000;

    private void EnterMultiInstance(Work work, FlowNode activity, MultiInstance loop)
    {
        var label = $"{ProcessValidator.Kind(activity)} {activity.Describe()}";
        if (loop.Collection is null || !variables.TryGetValue(loop.Collection, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            Incident(work, activity.Id, $"The multi-instance {label} repeats over '{loop.Collection}', which is not a list variable of the instance.");
            return;
        }

        var items = list.EnumerateArray().Select(i => i.Clone()).ToImmutableArray();
        if (items.Length > MaxLoopInstances)
        {
            Incident(work, activity.Id, $"The multi-instance {label} would run {items.Length} instances; at most {MaxLoopInstances} are allowed.");
            return;
        }

        var plan = new Plan();
        if (PlanBoundaries(activity.Id, plan) is { } error)
        {
            Incident(work, error.ElementId, error.Message);
            return;
        }

        if (activity is CallActivity call)
        {
            // Each output gathers in a list with a place for every instance, filled as the instances complete.
            var empty = Variables.ToJson(Enumerable.Repeat<object?>(null, items.Length).ToArray());
            variables = variables.SetItems(Mappings(call.Settings.Outputs).Select(m => KeyValuePair.Create(m.Target, empty)));
        }

        if (items.IsEmpty)
        {
            // No instance to run: the activity is done at once (BPMN: zero instances complete immediately).
            Leave(work.TokenId, work.Scope, activity);
            return;
        }

        Wait(work, plan);
        loops.Add(new LoopWait(work.TokenId, activity.Id, items, 0, 0, []));
        for (var i = 0; i < (loop.Sequential ? 1 : items.Length); i++)
        {
            StartLoopInstance(work.TokenId, activity.Id);
        }
    }

    /// <summary>Queues the next instance of the body's activity; it creates its task or child when it runs.</summary>
    private void StartLoopInstance(Guid bodyTokenId, string nodeId)
    {
        var loop = FindLoop(bodyTokenId, nodeId)!;
        var tokenId = ids.NewId();
        UpdateLoop(loop with { Started = loop.Started + 1, Instances = loop.Instances.Add(new LoopInstance(tokenId, loop.Started, false)) });
        queue.Enqueue(new Work(tokenId, nodeId, null, Scope: bodyTokenId));
    }

    /// <summary>An instance's token runs: it starts its task or child, or, once finished, is counted.</summary>
    private void RunLoopInstance(Work work, FlowNode activity, LoopWait loop)
    {
        var instance = loop.Instances.First(i => i.TokenId == work.TokenId);
        if (instance.Done)
        {
            FinishLoopInstance(work, activity, loop, instance);
            return;
        }

        var item = loop.Items[instance.Index];
        switch (activity)
        {
            case UserTask task:
                EnterUserTask(work, task, item, instance.Index);
                break;
            case CallActivity call:
                EnterCallActivity(work, call, item, instance.Index);
                break;
        }
    }

    /// <summary>A task completed or a child ended: an instance is counted, an ordinary activity is left.</summary>
    private void CompleteActivityOrInstance(Token token)
    {
        if (LoopOf(token) is not var (loop, instance))
        {
            CompleteActivity(token);
            return;
        }

        CancelWaitsOf(token.Id);
        UpdateLoop(loop with { Instances = loop.Instances.Replace(instance, instance with { Done = true }) });
        queue.Enqueue(new Work(token.Id, token.NodeId, token.ArrivedVia, Resumed: true, Scope: token.Scope));
    }

    /// <summary>
    /// Counts a finished instance, then ends the activity (all done, or the completion condition holds: the open instances
    /// are cancelled) or starts the next one of a sequential activity. A failing condition stops the instance with an
    /// incident; a retry counts it again.
    /// </summary>
    private void FinishLoopInstance(Work work, FlowNode activity, LoopWait loop, LoopInstance instance)
    {
        var settings = activity is UserTask task ? task.Settings.MultiInstance! : ((CallActivity)activity).Settings.MultiInstance!;
        var completed = loop.Completed + 1;
        var finished = completed >= loop.Items.Length;
        if (!finished && settings.CompletionCondition is { } condition)
        {
            var scope = new Dictionary<string, object?>(Variables.ForExpressions(variables), StringComparer.Ordinal)
            {
                ["nrOfInstances"] = (double)loop.Items.Length,
                ["nrOfCompletedInstances"] = (double)completed,
                ["nrOfActiveInstances"] = (double)loop.Instances.Count(i => !i.Done),
            };
            var result = evaluator.EvaluateCondition(condition, scope, time);
            if (!result.Succeeded)
            {
                Incident(work, activity.Id, $"The completion condition of {activity.Describe()} failed: {result.Error}");
                return;
            }

            finished = result.Value is true;
        }

        Log(work.TokenId, activity.Id, JournalKind.Left, $"instance {instance.Index + 1} of {loop.Items.Length}");
        UpdateLoop(loop with { Completed = completed, Instances = loop.Instances.Remove(instance) });
        if (finished)
        {
            CancelScope(loop.BodyTokenId, $"'{activity.Id}' completed");
            CompleteActivity(TakeToken(loop.BodyTokenId));
        }
        else if (settings.Sequential)
        {
            StartLoopInstance(loop.BodyTokenId, activity.Id);
        }
    }

    private LoopWait? FindLoop(Guid bodyTokenId, string nodeId) =>
        loops.Find(l => l.BodyTokenId == bodyTokenId && string.Equals(l.NodeId, nodeId, StringComparison.Ordinal));

    /// <summary>The multi-instance activity and instance a token runs, or null for any other token.</summary>
    private (LoopWait Loop, LoopInstance Instance)? LoopOf(Token token)
    {
        if (loops.Count == 0 || token.Scope is not { } scope || FindLoop(scope, token.NodeId) is not { } loop)
        {
            return null;
        }

        return (loop, loop.Instances.First(i => i.TokenId == token.Id));
    }

    private void UpdateLoop(LoopWait loop) => loops[loops.FindIndex(l => l.BodyTokenId == loop.BodyTokenId)] = loop;

    /// <summary>The list <paramref name="list"/> with <paramref name="value"/> at <paramref name="index"/>.</summary>
    private static JsonElement WithItem(JsonElement list, int index, JsonElement value)
    {
        var items = list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
        while (items.Count <= index)
        {
            items.Add(Null);
        }

        items[index] = value;
        return Variables.ToJson(items);
    }
}

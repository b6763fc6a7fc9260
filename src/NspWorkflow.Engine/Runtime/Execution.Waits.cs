using System.Collections.Immutable;
using System.Text.Json;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Runtime;

/// <summary>Bookkeeping of waits, tokens, incidents and the journal.</summary>
internal sealed partial class Execution
{
    private void Wait(Work work, Plan plan)
    {
        foreach (var (nodeId, dueAt, repetitions, interval) in plan.Timers)
        {
            Schedule(work.TokenId, nodeId, dueAt, repetitions, interval);
        }

        foreach (var (nodeId, name, key) in plan.Messages)
        {
            var wait = new MessageWait(ids.NewId(), work.TokenId, nodeId, name, key);
            messages.Add(wait);
            effects.Add(new MessageSubscribed(wait.SubscriptionId, nodeId, name, key));
        }

        tokens.Add(new Token(work.TokenId, work.NodeId, TokenState.Waiting, work.Via, work.Scope));
    }

    private void Schedule(Guid tokenId, string nodeId, DateTimeOffset dueAt, int repetitionsLeft, IsoDuration? interval = null)
    {
        var timer = new TimerWait(ids.NewId(), tokenId, nodeId, dueAt, repetitionsLeft, interval);
        timers.Add(timer);
        effects.Add(new TimerScheduled(timer.TimerId, nodeId, dueAt));
    }

    /// <summary>Withdraws everything the token waits for: its task, child, timers and subscriptions (boundary ones too).</summary>
    private void CancelWaitsOf(Guid tokenId)
    {
        foreach (var task in tasks.Where(t => t.TokenId == tokenId).ToList())
        {
            tasks.Remove(task);
            effects.Add(new TaskCancelled(task.TaskId, task.NodeId));
        }

        foreach (var child in children.Where(c => c.TokenId == tokenId).ToList())
        {
            children.Remove(child);
            effects.Add(new ChildCancelled(child.ChildInstanceId, child.NodeId));
        }

        foreach (var timer in timers.Where(t => t.TokenId == tokenId).ToList())
        {
            timers.Remove(timer);
            effects.Add(new TimerCancelled(timer.TimerId, timer.NodeId));
        }

        foreach (var message in messages.Where(m => m.TokenId == tokenId).ToList())
        {
            messages.Remove(message);
            effects.Add(new MessageUnsubscribed(message.SubscriptionId, message.NodeId, message.MessageName, message.CorrelationKey));
        }
    }

    private Token TakeToken(Guid tokenId)
    {
        var index = tokens.FindIndex(t => t.Id == tokenId);
        var token = tokens[index];
        tokens.RemoveAt(index);
        return token;
    }

    private void Incident(Work work, string elementId, string message)
    {
        tokens.Add(new Token(work.TokenId, work.NodeId, TokenState.Incident, work.Via, work.Scope));
        incidents.Add(new Incident(work.TokenId, elementId, message, now));
        effects.Add(new IncidentRaised(work.TokenId, elementId, message));
        Log(work.TokenId, elementId, JournalKind.Incident, message);
    }

    private void Log(Guid tokenId, string nodeId, JournalKind kind, string? detail = null, string? actor = null) =>
        journal.Add(new JournalEntry(now, tokenId, nodeId, kind, detail, actor));

    private static IEnumerable<VariableMapping> Mappings(ImmutableArray<VariableMapping> mappings) => mappings.IsDefault ? [] : mappings;

    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);
}

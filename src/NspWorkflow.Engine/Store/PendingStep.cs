using System.Collections.Immutable;
using System.Text.Json;
using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Store;

/// <summary>
/// The instances one step moves, before they are stored: each with the state it was loaded in (null when new), its
/// latest state, and the effects and journal of every run on it in this step, in order.
/// </summary>
internal sealed class PendingStep(DateTimeOffset at, WorkflowEngineOptions options)
{
    private readonly Dictionary<Guid, Entry> entries = [];
    private readonly List<Guid> order = [];
    private readonly Queue<(Guid InstanceId, EngineEffect Effect)> effects = new();

    public DateTimeOffset At { get; } = at;

    /// <summary>How many instances the step moves so far.</summary>
    public int Count => entries.Count;

    /// <summary>Adds a run's result; <paramref name="loaded"/> is the stored state for an instance not yet in the step.</summary>
    public void Add(InstanceState? loaded, StepResult result)
    {
        var id = result.NewState.InstanceId;
        if (!entries.TryGetValue(id, out var entry))
        {
            if (entries.Count >= options.MaxInstancesPerStep)
            {
                throw new InvalidOperationException($"A step may move at most {options.MaxInstancesPerStep} instances.");
            }

            entry = new Entry(loaded);
            entries[id] = entry;
            order.Add(id);
        }

        entry.Current = result.NewState;
        entry.Effects.AddRange(result.Effects);
        entry.Journal.AddRange(result.Journal);
        foreach (var effect in result.Effects)
        {
            effects.Enqueue((id, effect));
        }
    }

    public void Decorate(Guid instanceId, Func<InstanceChange, DateTimeOffset, InstanceChange> decorate) =>
        entries[instanceId].Decorate = decorate;

    /// <summary>The instances the step moves so far, in the order they joined it.</summary>
    public IReadOnlyList<Guid> InstanceIds => order;

    /// <summary>How many thrown messages the step delivered so far.</summary>
    public int Deliveries { get; private set; }

    public void CountDelivery() => Deliveries++;

    /// <summary>
    /// Says on the throw event's Left line in the thrower's journal where its message went (an instance, or nowhere), so
    /// the instance's history shows a message that was dropped. The step's k-th throw at a node is its k-th Left line there.
    /// </summary>
    public void NoteThrow(Guid throwerId, string nodeId, string detail)
    {
        var journal = entries[throwerId].Journal;
        var index = journal.FindIndex(j => j.NodeId == nodeId && j.Kind == JournalKind.Left && j.Detail is null);
        if (index >= 0)
        {
            journal[index] = journal[index] with { Detail = detail };
        }
    }

    /// <summary>True when the instance made subscription <paramref name="subscriptionId"/> in this step (it is not stored yet).</summary>
    public bool SubscribedInStep(Guid instanceId, Guid subscriptionId) =>
        entries.TryGetValue(instanceId, out var entry)
        && entry.Effects.Any(e => e is MessageSubscribed subscribed && subscribed.SubscriptionId == subscriptionId);

    /// <summary>The instance's latest state if it is part of the step.</summary>
    public InstanceState? Current(Guid instanceId) => entries.TryGetValue(instanceId, out var entry) ? entry.Current : null;

    /// <summary>The next effect to follow up, with the latest state of the instance it came from; (null, null) when done.</summary>
    public (InstanceState Owner, EngineEffect? Effect) NextEffect() =>
        effects.TryDequeue(out var next) ? (entries[next.InstanceId].Current!, next.Effect) : (null!, null);

    public StepCommit ToCommit() => new(order.Select(id => entries[id].ToChange(At, options)).ToImmutableArray());

    private sealed class Entry(InstanceState? loaded)
    {
        public InstanceState? Current { get; set; }
        public List<EngineEffect> Effects { get; } = [];
        public List<JournalEntry> Journal { get; } = [];
        public Func<InstanceChange, DateTimeOffset, InstanceChange>? Decorate { get; set; }

        public InstanceChange ToChange(DateTimeOffset at, WorkflowEngineOptions options)
        {
            var state = Current!;
            var unsubscribed = Effects.OfType<MessageUnsubscribed>().Select(u => u.SubscriptionId).ToHashSet();
            // A subscription this step made can be consumed in it too (a message thrown in the step): its row is
            // inserted by its MessageSubscribed and deleted again here.
            var consumed = (loaded?.Messages.Select(m => m.SubscriptionId) ?? [])
                .Concat(Effects.OfType<MessageSubscribed>().Select(s => s.SubscriptionId))
                .Where(id => !unsubscribed.Contains(id) && !state.Messages.Any(m => m.SubscriptionId == id))
                .Distinct()
                .ToImmutableArray();
            // An incident this step raised is resolved as well when the step ended it again (a terminate end event, a
            // cancelled child): else its row would stay open on an instance that no longer has it.
            var raised = Effects.OfType<IncidentRaised>().Select(r => new Incident(r.TokenId, r.ElementId, r.Message, at));
            var resolved = (loaded?.Incidents ?? []).Concat(raised)
                .Where(i => !state.Incidents.Any(n => n.TokenId == i.TokenId && n.ElementId == i.ElementId))
                .DistinctBy(i => (i.TokenId, i.ElementId))
                .ToImmutableArray();
            var key = (options.BusinessKeys ?? [])
                .Select(k => StringVariable(state, k.Variable) is { } value ? new { k.Kind, Value = value } : null)
                .FirstOrDefault(k => k is not null);
            var change = new InstanceChange(state, loaded?.Sequence, at, [.. Effects], [.. Journal],
                StringVariable(state, options.OrganisationVariable), ConsumedSubscriptionIds: consumed, ResolvedIncidents: resolved,
                BusinessKey: key?.Value, BusinessKeyKind: key?.Kind);
            return Decorate is null ? change : Decorate(change, at);
        }

        private static string? StringVariable(InstanceState state, string? name) =>
            name is not null && state.Variables.TryGetValue(name, out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                }
                : null;
    }
}

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
            var consumed = loaded is null ? [] : loaded.Messages.Select(m => m.SubscriptionId)
                .Where(id => !unsubscribed.Contains(id) && !state.Messages.Any(m => m.SubscriptionId == id))
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

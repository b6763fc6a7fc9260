using System.Collections.Immutable;
using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Store;

/// <summary>
/// Ends a child instance whose call activity was interrupted or whose caller terminated: every wait is withdrawn and
/// the instance is Terminated. The parent is not resumed (it cancelled the call itself).
/// </summary>
internal static class Termination
{
    public static StepResult Of(InstanceState state, DateTimeOffset at)
    {
        var effects = ImmutableArray.CreateBuilder<EngineEffect>();
        effects.AddRange(state.Tasks.Select(t => new TaskCancelled(t.TaskId, t.NodeId)));
        effects.AddRange(state.Timers.Select(t => new TimerCancelled(t.TimerId, t.NodeId)));
        effects.AddRange(state.Messages.Select(m => new MessageUnsubscribed(m.SubscriptionId, m.NodeId, m.MessageName, m.CorrelationKey)));
        effects.AddRange(state.Children.Select(c => new ChildCancelled(c.ChildInstanceId, c.NodeId)));
        var journal = state.Tokens.Select(t => new JournalEntry(at, t.Id, t.NodeId, JournalKind.Cancelled, "The calling activity ended."))
            .ToImmutableArray();
        var ended = state with
        {
            Status = InstanceStatus.Terminated,
            Sequence = state.Sequence + 1,
            Tokens = [],
            Tasks = [],
            Timers = [],
            Messages = [],
            Children = [],
            Incidents = [],
        };
        return new StepResult(ended, effects.ToImmutable(), journal);
    }
}

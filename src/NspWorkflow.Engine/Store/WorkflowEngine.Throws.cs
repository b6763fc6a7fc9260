using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Store;

/// <summary>Delivering the messages a step throws (intermediate throw events, message end events) in the same commit.</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>Stored subscriptions read beyond the step's own instances, whose rows may be stale within the step.</summary>
    private const int ThrownLookahead = 10;

    /// <summary>
    /// BPMN delivers a message to one receiver: the instance whose subscription to the name and key is oldest. First the
    /// stored subscriptions (oldest first; a row the step already consumed is skipped, as <see cref="DeliverMessageAsync"/>
    /// skips stale rows), then the ones made in this step, in the order the step moved their instances (so the thrower
    /// itself, on another path, or an instance the step just started or resumed can receive it). The message is delivered
    /// once the thrower's run has reached its waits, not at the instant of the throw. When nobody waits it is dropped:
    /// messages are not buffered. The thrower's journal says which. Null, or why the whole step is refused: a delivery
    /// would move more than <see cref="WorkflowEngineOptions.MaxInstancesPerStep"/> instances, or the step would
    /// deliver more thrown messages than that (instances answering each other's messages for ever).
    /// </summary>
    private async Task<string?> DeliverThrownAsync(PendingStep step, InstanceState thrower, MessageThrown thrown,
        CancellationToken cancellationToken)
    {
        if (step.Deliveries >= options.MaxInstancesPerStep)
        {
            return $"The step would deliver more than {options.MaxInstancesPerStep} thrown messages; message '{thrown.MessageName}' " +
                "is thrown and answered again and again (processes that answer each other's messages at once, for ever).";
        }

        var candidates = new List<Guid>();
        var stored = await store.FindMessageWaitersAsync(thrown.MessageName, thrown.CorrelationKey, step.Count + ThrownLookahead, cancellationToken);
        foreach (var instanceId in stored)
        {
            // An instance of the step whose first matching subscription is new in the step has none stored any more: its
            // turn comes after every stored subscription.
            var current = step.Current(instanceId);
            if (current is null || FirstMatch(current, thrown) is not { } wait || !step.SubscribedInStep(instanceId, wait.SubscriptionId))
            {
                candidates.Add(instanceId);
            }
        }

        candidates.AddRange(step.InstanceIds);
        foreach (var instanceId in candidates.Distinct().ToList())
        {
            var (reached, refusal) = await TryDeliverAsync(step, instanceId, thrown, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            if (reached)
            {
                step.NoteThrow(thrower.InstanceId, thrown.NodeId, $"message '{thrown.MessageName}' delivered to instance {instanceId}");
                return null;
            }
        }

        step.NoteThrow(thrower.InstanceId, thrown.NodeId, $"message '{thrown.MessageName}' dropped: no instance waited for it");
        return null;
    }

    /// <summary>
    /// Delivers to the instance if it still waits for the message (its latest state in the step, else the stored one).
    /// (false, null): it does not wait (a stale row, or nothing matches); (false, why): the step must be refused.
    /// </summary>
    private async Task<(bool Reached, string? Refusal)> TryDeliverAsync(PendingStep step, Guid instanceId, MessageThrown thrown,
        CancellationToken cancellationToken)
    {
        var current = step.Current(instanceId);
        var state = current ?? await store.LoadAsync(instanceId, cancellationToken);
        if (state is not { IsActive: true } || FirstMatch(state, thrown) is null)
        {
            return (false, null);
        }

        var delivered = runner.DeliverMessage(await DefinitionOfAsync(state, cancellationToken), state, thrown.MessageName, thrown.CorrelationKey, null);
        if (!delivered.Succeeded)
        {
            return (false, null);
        }

        if (current is null && step.Count >= options.MaxInstancesPerStep)
        {
            return (false, $"The step would move more than {options.MaxInstancesPerStep} instances; delivering message " +
                $"'{thrown.MessageName}' would add one more.");
        }

        step.Add(current is null ? state : null, delivered);
        step.CountDelivery();
        return (true, null);
    }

    /// <summary>The subscription a delivery consumes: the first with the name and exactly the key, as the runner picks it.</summary>
    private static MessageWait? FirstMatch(InstanceState state, MessageThrown thrown) =>
        state.Messages.FirstOrDefault(m => m.MessageName == thrown.MessageName
            && string.Equals(m.CorrelationKey, thrown.CorrelationKey, StringComparison.Ordinal));
}

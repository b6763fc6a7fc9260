using System.Globalization;
using NspWorkflow.Engine.Expressions;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Runtime;

/// <summary>Planning the timers and subscriptions an element will wait for, before anything changes, so a failure changes nothing.</summary>
internal sealed partial class Execution
{
    private PlanError? PlanBoundaries(string activityId, Plan plan)
    {
        foreach (var boundary in definition.BoundariesOf(activityId))
        {
            if (PlanTrigger(boundary.Id, boundary.Trigger, plan) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private PlanError? PlanGateway(EventBasedGateway gateway, Plan plan)
    {
        foreach (var flow in definition.OutgoingOf(gateway.Id))
        {
            var error = definition.Nodes.GetValueOrDefault(flow.TargetId) switch
            {
                IntermediateCatchEvent catchEvent => PlanTrigger(catchEvent.Id, catchEvent.Trigger, plan),
                ReceiveTask receive => PlanMessage(receive.Id, receive.MessageRef, plan),
                _ => new PlanError(gateway.Id, $"The flow '{flow.Id}' of event-based gateway {gateway.Describe()} does not lead to an event."),
            };
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private PlanError? PlanTrigger(string nodeId, EventTrigger? trigger, Plan plan)
    {
        switch (trigger)
        {
            case TimerTrigger { Timer: CycleTimer cycle }:
                plan.Timers.Add((nodeId, cycle.Interval.AddTo(now), cycle.Repetitions - 1, null));
                return null;
            case TimerTrigger { Timer: ExpressionTimer { Cycle: true } expression }:
                return PlanExpressionCycle(nodeId, expression, plan);
            case TimerTrigger { Timer: var timer }:
                if (DueTime(timer, out var dueAt) is { } error)
                {
                    return new PlanError(nodeId, $"The timer of '{nodeId}': {error}");
                }

                plan.Timers.Add((nodeId, dueAt!.Value, 0, null));
                return null;
            case MessageTrigger message:
                return PlanMessage(nodeId, message.MessageRef, plan);
            case ErrorTrigger:
                return null; // nothing to wait for: the error comes from inside the activity
            default:
                return new PlanError(nodeId, $"The event '{nodeId}' has no timer or message.");
        }
    }

    /// <summary>
    /// A <c>timeCycle</c> written as an expression: a cycle when it gives one (only on a non-interrupting boundary event,
    /// which validation cannot know), else a date or duration like any timer. The cycle's interval is kept with the timer.
    /// </summary>
    private PlanError? PlanExpressionCycle(string nodeId, ExpressionTimer expression, Plan plan)
    {
        var result = evaluator.EvaluateDueTime(expression.Expression, Variables.ForExpressions(variables), time, now, allowCycle: true);
        if (!result.Succeeded)
        {
            return new PlanError(nodeId, $"The timer of '{nodeId}': {result.Error}");
        }

        if (result.Value is not CycleTimer cycle)
        {
            plan.Timers.Add((nodeId, (DateTimeOffset)result.Value!, 0, null));
            return null;
        }

        if (definition.Nodes.GetValueOrDefault(nodeId) is not BoundaryEvent { Interrupting: false })
        {
            return new PlanError(nodeId, $"The timer of '{nodeId}' gave a cycle, but only a non-interrupting boundary event may repeat.");
        }

        plan.Timers.Add((nodeId, cycle.Interval.AddTo(now), cycle.Repetitions - 1, cycle.Interval));
        return null;
    }

    private PlanError? PlanMessage(string nodeId, string? messageRef, Plan plan)
    {
        if (messageRef is null || !definition.Messages.TryGetValue(messageRef, out var message))
        {
            return new PlanError(nodeId, $"The message '{messageRef}' of '{nodeId}' is not defined.");
        }

        var name = message.Name ?? message.Id;
        string? key = null;
        if (message.CorrelationKey is { } keyExpression)
        {
            var result = evaluator.Evaluate(keyExpression, Variables.ForExpressions(variables), time);
            if (!result.Succeeded)
            {
                return new PlanError(nodeId, $"The correlation key of message '{name}' failed: {result.Error}");
            }

            key = KeyText(result.Value);
            if (key is null)
            {
                return new PlanError(nodeId, $"The correlation key of message '{name}' gave no string, number, boolean or date.");
            }
        }

        plan.Messages.Add((nodeId, name, key));
        return null;
    }

    /// <summary>Null when the due time was computed; else the error. Timers start now; a past due time fires at the next sweep.</summary>
    private string? DueTime(TimerDefinition timer, out DateTimeOffset? dueAt)
    {
        dueAt = null;
        switch (timer)
        {
            case DurationTimer duration:
                dueAt = duration.Duration.AddTo(now);
                return null;
            case DateTimer date:
                dueAt = date.Date;
                return null;
            case ExpressionTimer expression:
                var result = evaluator.EvaluateDueTime(expression.Expression, Variables.ForExpressions(variables), time, now);
                if (!result.Succeeded)
                {
                    return result.Error;
                }

                dueAt = (DateTimeOffset)result.Value!;
                return null;
            case CycleTimer:
                return "a cycle is only allowed on a non-interrupting boundary event.";
            case InvalidTimer invalid:
                return $"'{invalid.Source}' is not a valid timer: {invalid.Error}";
            default:
                return $"'{timer.Source}' is not a timer this engine runs.";
        }
    }

    private static string? KeyText(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        double d => JsConversion.NumberText(d),
        DateTimeOffset date => date.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        _ => null,
    };
}

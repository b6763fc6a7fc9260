using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Validation;

/// <summary>Rules for each kind of node: the flows it needs and the settings it refers to.</summary>
public sealed partial class ProcessValidator
{
    private void CheckNode(ProcessDefinition process, FlowNode node, ValidationContext context, Action<string, string> report)
    {
        if (node is UnsupportedNode unsupported)
        {
            report(node.Id, $"Element {node.Describe()} cannot be used: {unsupported.Reason}.");
            return;
        }

        var incoming = process.IncomingOf(node.Id);
        var outgoing = process.OutgoingOf(node.Id);
        var label = $"{Capitalized(Kind(node))} {node.Describe()}";

        switch (node)
        {
            case StartEvent:
                if (incoming.Length > 0)
                {
                    report(node.Id, $"{label} has an incoming sequence flow; nothing may lead into a start event.");
                }

                if (outgoing.Length == 0)
                {
                    report(node.Id, $"{label} has no outgoing sequence flow.");
                }

                break;
            case EndEvent end:
                if (end.ErrorRef is not null)
                {
                    CheckErrorRef(process, end.Id, end.ErrorRef, label, report);
                }

                if (incoming.Length == 0)
                {
                    report(node.Id, $"{label} has no incoming sequence flow.");
                }

                if (outgoing.Length > 0)
                {
                    report(node.Id, $"{label} has an outgoing sequence flow; an end event ends its path.");
                }

                break;
            case BoundaryEvent boundary:
                CheckBoundary(process, boundary, label, incoming.Length, outgoing.Length, report);
                break;
            default:
                if (incoming.Length == 0)
                {
                    report(node.Id, $"{label} has no incoming sequence flow.");
                }

                if (outgoing.Length == 0)
                {
                    report(node.Id, $"{label} has no outgoing sequence flow; end the path with an end event.");
                }

                break;
        }

        switch (node)
        {
            case StartEvent { Timer: { } timer } start:
                CheckStartTimer(start, timer, label, report);
                break;
            case UserTask task:
                CheckName(task.Id, "role", task.Settings.AssigneeRole, context.Roles, required: true, "nsp:assigneeRole", label, report);
                CheckName(task.Id, "form", task.Settings.Form, context.Forms, required: false, "nsp:form", label, report);
                CheckName(task.Id, "mail template", task.Settings.MailTemplate, context.MailTemplates, required: false, "nsp:mailTemplate", label, report);
                if (task.Settings.Due is { } due)
                {
                    CheckTimer(task.Id, $"The due date (nsp:due) of {Uncapitalized(label)}", due, report);
                }

                CheckMultiInstance(task, task.Settings.MultiInstance, label, report);
                break;
            case ServiceTask task:
                CheckName(task.Id, "handler", task.Settings.Handler, context.Handlers, required: true, "nsp:handler", label, report);
                break;
            case SendTask task:
                CheckName(task.Id, "mail template", task.Settings.MailTemplate, context.MailTemplates, required: true, "nsp:mailTemplate", label, report);
                CheckName(task.Id, "role", task.Settings.AssigneeRole, context.Roles, required: false, "nsp:assigneeRole", label, report);
                break;
            case ReceiveTask task:
                CheckMessageRef(process, task.Id, task.MessageRef, label, report);
                break;
            case CallActivity call:
                if (string.IsNullOrWhiteSpace(call.CalledProcessId))
                {
                    report(call.Id, $"{label} does not say which process it calls (calledElement).");
                }
                else if (!context.CallableProcessIds.Contains(call.CalledProcessId))
                {
                    report(call.Id, $"{label} calls process '{call.CalledProcessId}', which is not known; publish that process first or correct the id.");
                }

                CheckMultiInstance(call, call.Settings.MultiInstance, label, report);
                break;
            case IntermediateCatchEvent catchEvent:
                CheckTrigger(process, catchEvent.Id, catchEvent.Trigger, label, report);
                if (catchEvent.Trigger is TimerTrigger { Timer: CycleTimer })
                {
                    report(node.Id, $"{label} has a repeating timer (cycle); only non-interrupting boundary timers may repeat.");
                }

                break;
            case ExclusiveGateway gateway:
                CheckExclusive(gateway, gateway.DefaultFlowId, outgoing, label, report);
                break;
            case InclusiveGateway gateway:
                CheckExclusive(gateway, gateway.DefaultFlowId, outgoing, label, report);
                break;
            case EventBasedGateway gateway:
                CheckEventBased(process, gateway, outgoing, label, report);
                break;
        }

        CheckThrow(process, node, label, report);
    }

    private void CheckBoundary(ProcessDefinition process, BoundaryEvent boundary, string label, int incoming, int outgoing, Action<string, string> report)
    {
        if (boundary.AttachedToId is null)
        {
            report(boundary.Id, $"{label} is not attached to a task (attachedToRef).");
        }
        else if (!process.Nodes.TryGetValue(boundary.AttachedToId, out var host) || !host.IsActivity)
        {
            report(boundary.Id, $"{label} is attached to '{boundary.AttachedToId}', which is not a task, sub-process or call activity of this process.");
        }
        else if (process.ScopeOf(host.Id) != process.ScopeOf(boundary.Id))
        {
            report(boundary.Id, $"{label} is drawn inside another sub-process than its activity '{host.Id}'; draw it on the activity's border.");
        }
        else if (boundary.Trigger is ErrorTrigger && host is not (ServiceTask or SubProcess or CallActivity))
        {
            report(boundary.Id, $"{label} catches an error on {Kind(host)} '{host.Id}', which cannot raise one; errors come from service tasks, sub-processes and call activities.");
        }

        if (boundary.Trigger is ErrorTrigger { ErrorRef: var errorRef })
        {
            if (!boundary.Interrupting)
            {
                report(boundary.Id, $"{label} catches an error but does not interrupt (cancelActivity=\"false\"); an error always ends the activity that raised it.");
            }

            if (errorRef is not null)
            {
                CheckErrorRef(process, boundary.Id, errorRef, label, report);
            }
        }

        if (incoming > 0)
        {
            report(boundary.Id, $"{label} has an incoming sequence flow; a boundary event is started by its task, not by a flow.");
        }

        if (outgoing != 1)
        {
            report(boundary.Id, $"{label} must have exactly one outgoing sequence flow, but has {outgoing}.");
        }

        CheckTrigger(process, boundary.Id, boundary.Trigger, label, report);
        if (boundary.Interrupting && boundary.Trigger is TimerTrigger { Timer: CycleTimer })
        {
            report(boundary.Id, $"{label} is interrupting but its timer repeats (cycle); an interrupting timer fires once. Make it non-interrupting or use a duration.");
        }
    }

    private void CheckTrigger(ProcessDefinition process, string id, EventTrigger? trigger, string label, Action<string, string> report)
    {
        switch (trigger)
        {
            case TimerTrigger timer:
                CheckTimer(id, $"The timer of {Uncapitalized(label)}", timer.Timer, report);
                break;
            case MessageTrigger message:
                CheckMessageRef(process, id, message.MessageRef, label, report);
                break;
        }
    }

    private void CheckTimer(string id, string what, TimerDefinition timer, Action<string, string> report)
    {
        switch (timer)
        {
            case InvalidTimer invalid:
                report(id, $"{what} does not parse: {invalid.Error}");
                break;
            case ExpressionTimer expression:
                CheckExpression(id, what, expression.Expression, report);
                break;
            case AnchoredCycleTimer:
                report(id, $"{what} repeats from a start date ('{timer.Source}'); only a timer start event may. Here use a duration, a date or a cycle such as R3/P1D.");
                break;
        }
    }

    private static void CheckMessageRef(ProcessDefinition process, string id, string? messageRef, string label, Action<string, string> report)
    {
        if (string.IsNullOrWhiteSpace(messageRef))
        {
            report(id, $"{label} does not say which message it waits for.");
        }
        else if (!process.Messages.ContainsKey(messageRef))
        {
            report(id, $"{label} waits for message '{messageRef}', which is not defined in this file.");
        }
    }

    private void CheckMultiInstance(FlowNode activity, MultiInstance? loop, string label, Action<string, string> report)
    {
        if (loop is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(loop.Collection))
        {
            report(activity.Id, $"{label} is multi-instance but names no list to repeat over; set nsp:collection to a list variable.");
        }
        else if (Runtime.Variables.CheckName(loop.Collection) is not null)
        {
            report(activity.Id, $"{label} repeats over nsp:collection=\"{loop.Collection}\", which is not a variable name.");
        }

        if (Runtime.Variables.CheckName(loop.ElementVariable) is not null || MultiInstanceCounters.Contains(loop.ElementVariable))
        {
            report(activity.Id, $"{label} names nsp:elementVariable=\"{loop.ElementVariable}\", which cannot be a variable name here.");
        }

        if (loop.CompletionCondition is { } condition)
        {
            if (condition.Length == 0)
            {
                report(activity.Id, $"{label} has an empty completion condition; write one or remove it.");
            }
            else
            {
                CheckExpression(activity.Id, $"The completion condition of {Uncapitalized(label)}", condition, report);
            }
        }
    }

    /// <summary>The counters a completion condition reads (BPMN 2.0 §13.3.7); an element variable of that name would hide one.</summary>
    private static readonly string[] MultiInstanceCounters = ["nrOfInstances", "nrOfCompletedInstances", "nrOfActiveInstances", "loopCounter"];

    private static void CheckErrorRef(ProcessDefinition process, string id, string errorRef, string label, Action<string, string> report)
    {
        if (errorRef.Length == 0)
        {
            report(id, $"{label} does not say which error it throws (errorRef).");
        }
        else if (!process.Errors.ContainsKey(errorRef))
        {
            report(id, $"{label} names error '{errorRef}', which is not defined in this file.");
        }
    }

    private static void CheckName(string id, string what, string? value, IReadOnlySet<string> known, bool required, string attribute,
        string label, Action<string, string> report)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                report(id, $"{label} has no {what}; set {attribute}.");
            }
        }
        else if (!known.Contains(value))
        {
            report(id, $"{label} names the {what} '{value}' ({attribute}), which this application does not know.");
        }
    }

    /// <summary>Exclusive and inclusive gateways alike: a condition on every flow but the default, and a default unless a flow has no condition.</summary>
    private static void CheckExclusive(FlowNode gateway, string? defaultFlowId, IReadOnlyList<SequenceFlow> outgoing, string label,
        Action<string, string> report)
    {
        if (defaultFlowId is not null && !outgoing.Any(f => f.Id == defaultFlowId))
        {
            report(gateway.Id, $"{label} names '{defaultFlowId}' as its default flow, but that is not one of its outgoing flows.");
        }

        var hasDefault = outgoing.Any(f => f.IsDefault);
        var unconditioned = outgoing.Where(f => f.Condition is null && !f.IsDefault).ToList();
        if (outgoing.Count > 1)
        {
            foreach (var flow in unconditioned)
            {
                report(flow.Id, $"Sequence flow '{flow.Id}' leaves {Uncapitalized(label)} without a condition; give it a condition or make it the gateway's default flow.");
            }
        }

        if (!hasDefault && outgoing.Count > 0 && unconditioned.Count == 0)
        {
            report(gateway.Id, $"Gateway '{gateway.Id}' has conditions that can all be false and no default flow.");
        }
    }

    private static void CheckEventBased(ProcessDefinition process, EventBasedGateway gateway, IReadOnlyList<SequenceFlow> outgoing, string label,
        Action<string, string> report)
    {
        if (outgoing.Count < 2)
        {
            report(gateway.Id, $"{label} needs at least two outgoing flows, each to a timer or message event, to choose between.");
        }

        foreach (var flow in outgoing)
        {
            if (process.Nodes.TryGetValue(flow.TargetId, out var target)
                && target is not (IntermediateCatchEvent or ReceiveTask or UnsupportedNode))
            {
                report(flow.Id, $"Sequence flow '{flow.Id}' leads from {Uncapitalized(label)} to {Kind(target)} '{target.Id}'; an event-based gateway may only lead to timer or message catch events or receive tasks.");
            }
        }

        // BPMN 2.0 §10.6.6: the gateway's targets are the events it races; anything else would let a token in by another way,
        // or leave a receive task's boundary event racing outside the gateway's choice.
        var targets = outgoing.Select(f => process.Nodes.GetValueOrDefault(f.TargetId)).OfType<FlowNode>().Distinct().ToList();
        foreach (var receive in targets.OfType<ReceiveTask>().Where(r => process.BoundariesOf(r.Id).Length > 0))
        {
            report(receive.Id, $"Receive task {receive.Describe()} follows {Uncapitalized(label)} and has a boundary event attached; a receive task after an event-based gateway may have none (BPMN 2.0 §10.6.6).");
        }

        if (targets.Any(t => t is ReceiveTask) && targets.Any(t => t is IntermediateCatchEvent { Trigger: MessageTrigger }))
        {
            report(gateway.Id, $"{label} leads to both message catch events and receive tasks; use one or the other after one gateway (BPMN 2.0 §10.6.6).");
        }

        foreach (var target in targets.Where(t => process.IncomingOf(t.Id).Length > 1))
        {
            report(target.Id, $"{Capitalized(Kind(target))} {target.Describe()} follows {Uncapitalized(label)} and has another incoming flow; a target of an event-based gateway may have only the gateway's (BPMN 2.0 §10.6.6).");
        }
    }

    /// <summary>Every node must be reachable from the start event; boundary events are reached with their task.</summary>
    private static void CheckReachability(ProcessDefinition process, Action<string, string> report)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(process.NodesInOrder.OfType<StartEvent>().Where(s => process.ScopeOf(s.Id) is null).Select(s => s.Id));
        while (queue.TryDequeue(out var id))
        {
            if (!reached.Add(id))
            {
                continue;
            }

            foreach (var flow in process.OutgoingOf(id))
            {
                queue.Enqueue(flow.TargetId);
            }

            foreach (var boundary in process.BoundariesOf(id))
            {
                queue.Enqueue(boundary.Id);
            }

            if (process.Nodes.GetValueOrDefault(id) is SubProcess && process.StartOf(id) is { } innerStart)
            {
                queue.Enqueue(innerStart.Id);
            }
        }

        if (reached.Count == 0)
        {
            return; // Without a start event every node would be "unreachable"; the missing start is reported instead.
        }

        foreach (var node in process.NodesInOrder)
        {
            if (!reached.Contains(node.Id) && node is not UnsupportedNode)
            {
                report(node.Id, $"{Capitalized(Kind(node))} {node.Describe()} cannot be reached from the start event.");
            }
        }
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The label inside a sentence: only its first letter changes, never the element's id or name.</summary>
    private static string Uncapitalized(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}

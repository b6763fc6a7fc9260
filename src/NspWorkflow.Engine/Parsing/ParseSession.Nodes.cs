using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Parsing;

/// <summary>Reading the flow nodes of a process.</summary>
internal sealed partial class ParseSession
{
    private static readonly string[] IdName = ["id", "name"];

    private FlowNode? ReadNode(XElement element)
    {
        var id = RequireId(element, "");
        if (id is null)
        {
            return null;
        }

        var name = Attr(element, "name");
        var local = element.Name.LocalName;
        switch (local)
        {
            case "startEvent":
                return ReadStart(element, id, name);
            case "endEvent":
                return ReadEnd(element, id, name);
            case "intermediateCatchEvent":
                return ReadCatch(element, id, name);
            case "intermediateThrowEvent":
                return ReadThrow(element, id, name);
            case "boundaryEvent":
                return ReadBoundary(element, id, name);
            case "userTask":
                CheckAttributes(element, id, "user task", IdName, ["assigneeRole", "form", "mailTemplate", "due"]);
                var due = NspAttr(element, "due");
                return new UserTask(id, name, new NspSettings(
                    AssigneeRole: NspAttr(element, "assigneeRole"), Form: NspAttr(element, "form"),
                    MailTemplate: NspAttr(element, "mailTemplate"), Due: due is null ? null : TimerParser.ParseDurationOrDate(due),
                    MultiInstance: ReadMultiInstance(element, id)));
            case "serviceTask":
                CheckAttributes(element, id, "service task", IdName, ["handler"]);
                CheckChildren(element, id);
                return new ServiceTask(id, name, new NspSettings(Handler: NspAttr(element, "handler")));
            case "sendTask":
                CheckAttributes(element, id, "send task", IdName, ["mailTemplate", "assigneeRole"]);
                CheckChildren(element, id);
                return new SendTask(id, name, new NspSettings(MailTemplate: NspAttr(element, "mailTemplate"), AssigneeRole: NspAttr(element, "assigneeRole")));
            case "receiveTask":
                CheckAttributes(element, id, "receive task", ["id", "name", "messageRef"], []);
                CheckChildren(element, id);
                return new ReceiveTask(id, name, Attr(element, "messageRef"));
            case "callActivity":
                CheckAttributes(element, id, "call activity", ["id", "name", "calledElement"], ["inputs", "outputs"]);
                return new CallActivity(id, name, Attr(element, "calledElement"), new NspSettings(
                    Inputs: ReadMappings(element, id, "inputs"), Outputs: ReadMappings(element, id, "outputs"),
                    MultiInstance: ReadMultiInstance(element, id)));
            case "exclusiveGateway":
                CheckAttributes(element, id, "exclusive gateway", ["id", "name", "default", "gatewayDirection"], []);
                CheckChildren(element, id);
                return new ExclusiveGateway(id, name, Attr(element, "default"));
            case "inclusiveGateway":
                CheckAttributes(element, id, "inclusive gateway", ["id", "name", "default", "gatewayDirection"], []);
                CheckChildren(element, id);
                return new InclusiveGateway(id, name, Attr(element, "default"));
            case "parallelGateway":
                CheckAttributes(element, id, "parallel gateway", ["id", "name", "gatewayDirection"], []);
                CheckChildren(element, id);
                return new ParallelGateway(id, name);
            case "eventBasedGateway":
                CheckAttributes(element, id, "event-based gateway", ["id", "name", "gatewayDirection"], []);
                CheckChildren(element, id);
                if (Attr(element, "instantiate") == "true" || (Attr(element, "eventGatewayType") ?? "Exclusive") != "Exclusive")
                {
                    Report(id, $"Event-based gateway '{id}' must be a plain exclusive event gateway that does not start instances.");
                }

                return new EventBasedGateway(id, name);
            default:
                return new UnsupportedNode(id, name, local, UnsupportedReason(local));
        }
    }

    /// <summary>An embedded sub-process (its contents are read by the caller); an event sub-process is not supported.</summary>
    private SubProcess? ReadSubProcess(XElement element)
    {
        var id = RequireId(element, "");
        if (id is null)
        {
            return null;
        }

        CheckAttributes(element, id, "sub-process", ["id", "name", "triggeredByEvent"], []);
        if (Attr(element, "triggeredByEvent") == "true")
        {
            Report(id, $"Sub-process '{id}' is an event sub-process (triggeredByEvent); only embedded sub-processes started by a flow are supported.");
        }

        return new SubProcess(id, Attr(element, "name"));
    }

    private static string UnsupportedReason(string local) => local switch
    {
        "task" => "it is a plain task; choose a user task, service task, send task or receive task",
        "transaction" or "adHocSubProcess" => "transactions and ad-hoc sub-processes are not supported; use an embedded sub-process or a call activity",
        "complexGateway" => "only exclusive, inclusive, parallel and event-based gateways are supported",
        _ => $"bpmn:{local} is not part of the supported subset",
    };

    private FlowNode ReadStart(XElement element, string id, string? name)
    {
        CheckAttributes(element, id, "start event", ["id", "name", "isInterrupting", "parallelMultiple"], []);
        var definitions = EventDefinitions(element, id);
        return definitions switch
        {
            [] => new StartEvent(id, name),
            [{ Name.LocalName: "timerEventDefinition" } timer] => ReadTimerStart(timer, id, name),
            [var other] => new UnsupportedNode(id, name, "startEvent", $"a start event with a {Trigger(other)} trigger is not supported; the start event must be plain (the application starts instances) or a timer (the application starts them on schedule)"),
            _ => new UnsupportedNode(id, name, "startEvent", $"a start event must have at most one trigger, a timer, not {Describe(definitions)}"),
        };
    }

    private FlowNode ReadEnd(XElement element, string id, string? name)
    {
        CheckAttributes(element, id, "end event", IdName, []);
        var definitions = EventDefinitions(element, id);
        if (definitions.Count == 0)
        {
            return new EndEvent(id, name, Terminate: false);
        }

        return definitions switch
        {
            [{ Name.LocalName: "terminateEventDefinition" } terminate] when CheckDefinition(terminate, id, ["id"]) => new EndEvent(id, name, Terminate: true),
            [{ Name.LocalName: "errorEventDefinition" } error] when CheckDefinition(error, id, ["id", "errorRef"]) =>
                new EndEvent(id, name, Terminate: false, ErrorRef: Attr(error, "errorRef") ?? ""),
            [{ Name.LocalName: "messageEventDefinition" } message] => new EndEvent(id, name, Terminate: false, MessageRef: ThrownMessageRef(message, id)),
            _ => new UnsupportedNode(id, name, "endEvent", $"an end event with a {Trigger(definitions[0])} result is not supported; use a plain, terminate, error or message end event"),
        };
    }

    private FlowNode ReadCatch(XElement element, string id, string? name)
    {
        CheckAttributes(element, id, "intermediate catch event", ["id", "name", "parallelMultiple"], []);
        var definitions = EventDefinitions(element, id);
        var trigger = ReadTrigger(definitions, id);
        return trigger is null
            ? new UnsupportedNode(id, name, "intermediateCatchEvent", definitions.Count == 0
                ? "an intermediate catch event needs a timer or a message"
                : $"an intermediate catch event must wait for exactly one timer or message, not {Describe(definitions)}")
            : new IntermediateCatchEvent(id, name, trigger);
    }

    private FlowNode ReadBoundary(XElement element, string id, string? name)
    {
        CheckAttributes(element, id, "boundary event", ["id", "name", "attachedToRef", "cancelActivity", "parallelMultiple"], []);
        var definitions = EventDefinitions(element, id);
        var trigger = definitions is [{ Name.LocalName: "errorEventDefinition" } error] && CheckDefinition(error, id, ["id", "errorRef"])
            ? new ErrorTrigger(Attr(error, "errorRef"))
            : ReadTrigger(definitions, id);
        if (trigger is null)
        {
            return new UnsupportedNode(id, name, "boundaryEvent", definitions.Count == 0
                ? "a boundary event needs a timer, a message or an error"
                : $"a boundary event must wait for exactly one timer, message or error, not {Describe(definitions)}");
        }

        var cancel = Attr(element, "cancelActivity");
        if (cancel is not null and not "true" and not "false")
        {
            Report(id, $"Boundary event '{id}' has cancelActivity=\"{cancel}\"; it must be true or false.");
        }

        return new BoundaryEvent(id, name, Attr(element, "attachedToRef"), cancel != "false", trigger);
    }

    private static string Trigger(XElement definition) => definition.Name.LocalName.Replace("EventDefinition", "", StringComparison.Ordinal);

    private static string Describe(List<XElement> definitions) =>
        definitions.Count == 1 ? $"a {Trigger(definitions[0])}" : $"{definitions.Count} triggers";

    /// <summary>The event definitions of an event, after reporting any other children.</summary>
    private List<XElement> EventDefinitions(XElement element, string id)
    {
        var result = new List<XElement>();
        foreach (var child in element.Elements())
        {
            if (child.Name.Namespace == BpmnNames.Bpmn && child.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
            {
                result.Add(child);
            }
            else if (!IsNeutralChild(child))
            {
                ReportUnsupportedElement(child, id);
            }
        }

        return result;
    }

    private EventTrigger? ReadTrigger(List<XElement> definitions, string ownerId)
    {
        if (definitions is not [var definition])
        {
            return null;
        }

        switch (definition.Name.LocalName)
        {
            case "messageEventDefinition":
                CheckDefinition(definition, ownerId, ["id", "messageRef"]);
                return new MessageTrigger(Attr(definition, "messageRef"));
            case "timerEventDefinition":
                CheckAttributes(definition, ownerId, definition.Name.LocalName, ["id"], ["daysBefore", "before"]);
                return new TimerTrigger(ReadTimer(definition, ownerId));
            default:
                return null;
        }
    }

    private bool CheckDefinition(XElement definition, string ownerId, string[] plain)
    {
        var before = Problems.Count;
        CheckAttributes(definition, ownerId, definition.Name.LocalName, plain, []);
        return Problems.Count == before;
    }

    private TimerDefinition ReadTimer(XElement definition, string ownerId)
    {
        var parts = new List<XElement>();
        foreach (var child in definition.Elements())
        {
            if (child.Name.Namespace == BpmnNames.Bpmn && child.Name.LocalName is "timeDuration" or "timeDate" or "timeCycle")
            {
                CheckExpressionElement(child, ownerId);
                parts.Add(child);
            }
            else if (!IsNeutralChild(child))
            {
                ReportUnsupportedElement(child, ownerId);
            }
        }

        var daysBefore = NspAttr(definition, "daysBefore");
        var before = NspAttr(definition, "before");
        if (daysBefore is not null || before is not null)
        {
            return parts.Count > 0
                ? new InvalidTimer("", "the timer has both nsp:daysBefore and a duration, date or cycle; keep one")
                : ReadDaysBefore(daysBefore, before);
        }

        if (parts is not [var part])
        {
            return new InvalidTimer("", parts.Count == 0
                ? "the timer has no duration, date or cycle"
                : "the timer has more than one of duration, date and cycle");
        }

        var text = part.Value.Trim();
        if (text.Length == 0)
        {
            return new InvalidTimer("", $"the timer's {part.Name.LocalName} is empty");
        }

        return part.Name.LocalName switch
        {
            "timeDuration" => TimerParser.ParseDuration(text),
            "timeDate" => TimerParser.ParseDate(text),
            _ => TimerParser.ParseCycle(text),
        };
    }

    /// <summary>
    /// "7 days before the period's last morning" as two settings an administrator changes without writing an expression
    /// (the reminders' lead times): runs as the expression <c>addDays(before, -days)</c> would.
    /// </summary>
    private static TimerDefinition ReadDaysBefore(string? daysBefore, string? before)
    {
        var source = $"nsp:daysBefore=\"{daysBefore}\" nsp:before=\"{before}\"";
        if (daysBefore is null || before is null)
        {
            return new InvalidTimer(source, "nsp:daysBefore and nsp:before belong together: a number of days and the date variable they count back from");
        }

        if (!int.TryParse(daysBefore, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            || days > MaxDaysBefore)
        {
            return new InvalidTimer(source, $"nsp:daysBefore must be a whole number of days from 0 to {MaxDaysBefore}, not '{daysBefore}'");
        }

        return Identifier().IsMatch(before)
            ? new ExpressionTimer(source, $"addDays({before}, -{days})")
            : new InvalidTimer(source, $"nsp:before must name a date variable, such as periodLastDayMorning, not '{before}'");
    }

    private const int MaxDaysBefore = 3650;

    /// <summary>The children of a user task or call activity: its multi-instance settings, if any; anything else is reported.</summary>
    private MultiInstance? ReadMultiInstance(XElement activity, string id)
    {
        MultiInstance? result = null;
        foreach (var child in activity.Elements())
        {
            if (child.Name != BpmnNames.Bpmn + "multiInstanceLoopCharacteristics")
            {
                if (!IsNeutralChild(child))
                {
                    ReportUnsupportedElement(child, id);
                }

                continue;
            }

            CheckAttributes(child, id, "multi-instance marker", ["id", "isSequential"], ["collection", "elementVariable"]);
            string? completion = null;
            foreach (var part in child.Elements())
            {
                if (part.Name == BpmnNames.Bpmn + "completionCondition")
                {
                    CheckExpressionElement(part, id);
                    completion = StripEquals(part.Value);
                }
                else if (part.Name == BpmnNames.Bpmn + "loopCardinality")
                {
                    Report(id, $"The multi-instance activity '{id}' has a loop cardinality; name the list to repeat over with nsp:collection instead.");
                }
                else if (!IsNeutralChild(part))
                {
                    ReportUnsupportedElement(part, id);
                }
            }

            var sequential = Attr(child, "isSequential");
            if (sequential is not null and not "true" and not "false")
            {
                Report(id, $"The multi-instance activity '{id}' has isSequential=\"{sequential}\"; it must be true or false.");
            }

            result = new MultiInstance(sequential == "true", NspAttr(child, "collection"),
                NspAttr(child, "elementVariable") ?? MultiInstance.DefaultElementVariable, completion);
        }

        return result;
    }

    private ImmutableArray<VariableMapping> ReadMappings(XElement element, string id, string attribute)
    {
        var text = NspAttr(element, attribute);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<VariableMapping>();
        foreach (var entry in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = entry.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length is 1 or 2 && pair.All(p => Identifier().IsMatch(p)))
            {
                result.Add(new VariableMapping(pair[0], pair[^1]));
            }
            else
            {
                Report(id, $"nsp:{attribute} of '{id}' contains '{entry}'; write a comma-separated list of 'name' or 'target=source' with plain variable names.");
            }
        }

        return result.ToImmutable();
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Identifier();
}

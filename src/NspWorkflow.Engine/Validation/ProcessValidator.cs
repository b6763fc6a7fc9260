using NspWorkflow.Engine.Expressions;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Validation;

/// <summary>
/// Checks a parsed process against the rules of the subset and the host's names. Lists every problem rather than
/// stopping at the first, so an administrator can fix a diagram in one pass. Expressions are parsed, never run.
/// </summary>
public sealed partial class ProcessValidator(ExpressionEvaluator expressions)
{
    public ProcessValidator()
        : this(new ExpressionEvaluator())
    {
    }

    /// <summary>Every process of the document; its own processes are callable from each other.</summary>
    public IReadOnlyList<ValidationProblem> Validate(BpmnDocument document, ValidationContext context)
    {
        var withOwn = context with { CallableProcessIds = context.CallableProcessIds.Union(document.Processes.Select(p => p.Id)) };
        var problems = new List<ValidationProblem>();
        foreach (var process in document.Processes)
        {
            problems.AddRange(Validate(process, withOwn));
        }

        foreach (var message in document.Messages.Values)
        {
            CheckMessage(message, problems);
        }

        return problems;
    }

    public IReadOnlyList<ValidationProblem> Validate(ProcessDefinition process, ValidationContext context)
    {
        var problems = new List<ValidationProblem>();
        void Report(string id, string message) => problems.Add(new ValidationProblem(id, message));

        CheckStart(process, Report);
        CheckFlows(process, Report);
        foreach (var node in process.NodesInOrder)
        {
            CheckNode(process, node, context, Report);
        }

        CheckReachability(process, Report);
        return problems;
    }

    private void CheckMessage(MessageDefinition message, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(message.Name))
        {
            problems.Add(new(message.Id, $"Message '{message.Id}' has no name; senders address messages by name."));
        }

        if (message.CorrelationKey is not null)
        {
            CheckExpression(message.Id, $"The correlation key of message '{message.Id}'", message.CorrelationKey,
                (id, text) => problems.Add(new(id, text)));
        }
    }

    private static void CheckStart(ProcessDefinition process, Action<string, string> report)
    {
        var starts = process.NodesInOrder.OfType<StartEvent>().ToList();
        if (starts.Count == 0)
        {
            report(process.Id, $"Process '{process.Id}' has no start event; it needs exactly one (plain, or with a timer).");
        }

        foreach (var extra in starts.Skip(1))
        {
            report(extra.Id, $"Start event '{extra.Id}' is one start event too many; process '{process.Id}' must have exactly one.");
        }
    }

    private void CheckFlows(ProcessDefinition process, Action<string, string> report)
    {
        foreach (var flow in process.Flows)
        {
            if (!process.Nodes.ContainsKey(flow.SourceId))
            {
                report(flow.Id, $"Sequence flow '{flow.Id}' starts at '{flow.SourceId}', which is not an element of this process.");
            }

            if (!process.Nodes.ContainsKey(flow.TargetId))
            {
                report(flow.Id, $"Sequence flow '{flow.Id}' leads to '{flow.TargetId}', which is not an element of this process.");
            }

            if (flow.Condition is null)
            {
                continue;
            }

            if (flow.Condition.Length == 0)
            {
                report(flow.Id, $"Sequence flow '{flow.Id}' has an empty condition; write one or make it an ordinary flow.");
            }
            else
            {
                CheckExpression(flow.Id, $"The condition of sequence flow '{flow.Id}'", flow.Condition, report);
            }

            if (process.Nodes.TryGetValue(flow.SourceId, out var source) && source is not ExclusiveGateway)
            {
                report(flow.Id, source switch
                {
                    ParallelGateway => $"Sequence flow '{flow.Id}' leaves parallel gateway '{source.Id}' with a condition; a parallel gateway always takes every flow, so remove the condition.",
                    _ when source.IsActivity => $"Sequence flow '{flow.Id}' leaves {Kind(source)} '{source.Id}' with a condition; only exclusive gateways may choose between flows, so put a gateway after the task.",
                    _ => $"Sequence flow '{flow.Id}' leaves {Kind(source)} '{source.Id}' with a condition; only flows leaving an exclusive gateway may have conditions.",
                });
            }

            if (flow.IsDefault)
            {
                report(flow.Id, $"Sequence flow '{flow.Id}' is the default flow and also has a condition; a default flow is taken when no condition holds, so remove its condition.");
            }
        }
    }

    private void CheckExpression(string elementId, string what, string source, Action<string, string> report)
    {
        var error = expressions.CheckSyntax(source);
        if (error is not null)
        {
            report(elementId, $"{what} is not valid JavaScript: {error}");
        }
    }

    /// <summary>Words for messages: "user task", "exclusive gateway".</summary>
    internal static string Kind(FlowNode node) => node switch
    {
        StartEvent => "start event",
        EndEvent => "end event",
        IntermediateCatchEvent => "intermediate catch event",
        BoundaryEvent => "boundary event",
        UserTask => "user task",
        ServiceTask => "service task",
        SendTask => "send task",
        ReceiveTask => "receive task",
        CallActivity => "call activity",
        ExclusiveGateway => "exclusive gateway",
        ParallelGateway => "parallel gateway",
        EventBasedGateway => "event-based gateway",
        _ => node.ElementName,
    };
}

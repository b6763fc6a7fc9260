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

        foreach (var error in document.Errors.Values.Where(e => string.IsNullOrWhiteSpace(e.ErrorCode)))
        {
            problems.Add(new(error.Id, $"Error '{error.Id}' has no error code (errorCode); handlers raise errors and boundary events catch them by code."));
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

    /// <summary>The process, and each embedded sub-process, starts at exactly one plain start event of its own.</summary>
    private static void CheckStart(ProcessDefinition process, Action<string, string> report)
    {
        var starts = process.NodesInOrder.OfType<StartEvent>().Where(s => process.ScopeOf(s.Id) is null).ToList();
        if (starts.Count == 0)
        {
            report(process.Id, $"Process '{process.Id}' has no start event; it needs exactly one (plain, or with a timer).");
        }

        foreach (var extra in starts.Skip(1))
        {
            report(extra.Id, $"Start event '{extra.Id}' is one start event too many; process '{process.Id}' must have exactly one.");
        }

        foreach (var subProcess in process.NodesInOrder.OfType<SubProcess>())
        {
            var inner = process.NodesInOrder.OfType<StartEvent>().Where(s => process.ScopeOf(s.Id) == subProcess.Id).ToList();
            if (inner.Count == 0)
            {
                report(subProcess.Id, $"Sub-process {subProcess.Describe()} has no start event; it needs exactly one plain start event inside.");
            }

            foreach (var extra in inner.Skip(1))
            {
                report(extra.Id, $"Start event '{extra.Id}' is one start event too many; sub-process {subProcess.Describe()} must have exactly one.");
            }

            foreach (var timed in inner.Where(s => s.Timer is not null))
            {
                report(timed.Id, $"Start event '{timed.Id}' of sub-process {subProcess.Describe()} has a timer; a sub-process starts when a token enters it, so its start event is plain.");
            }
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

            if (process.Nodes.ContainsKey(flow.SourceId) && process.Nodes.ContainsKey(flow.TargetId)
                && process.ScopeOf(flow.SourceId) != process.ScopeOf(flow.TargetId))
            {
                report(flow.Id, $"Sequence flow '{flow.Id}' crosses the border of a sub-process (from '{flow.SourceId}' to '{flow.TargetId}'); a flow stays inside its sub-process, which is entered by its start event and left when it ends.");
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

            if (process.Nodes.TryGetValue(flow.SourceId, out var source) && source is not (ExclusiveGateway or InclusiveGateway))
            {
                report(flow.Id, source switch
                {
                    ParallelGateway => $"Sequence flow '{flow.Id}' leaves parallel gateway '{source.Id}' with a condition; a parallel gateway always takes every flow, so remove the condition.",
                    _ when source.IsActivity => $"Sequence flow '{flow.Id}' leaves {Kind(source)} '{source.Id}' with a condition; only exclusive and inclusive gateways may choose between flows, so put a gateway after the task.",
                    _ => $"Sequence flow '{flow.Id}' leaves {Kind(source)} '{source.Id}' with a condition; only flows leaving an exclusive or inclusive gateway may have conditions.",
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
        IntermediateThrowEvent => "intermediate throw event",
        BoundaryEvent => "boundary event",
        UserTask => "user task",
        ServiceTask => "service task",
        SendTask => "send task",
        ReceiveTask => "receive task",
        CallActivity => "call activity",
        SubProcess => "sub-process",
        ExclusiveGateway => "exclusive gateway",
        InclusiveGateway => "inclusive gateway",
        ParallelGateway => "parallel gateway",
        EventBasedGateway => "event-based gateway",
        _ => node.ElementName,
    };
}

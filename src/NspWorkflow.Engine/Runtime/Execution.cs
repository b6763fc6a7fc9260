using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NspWorkflow.Engine.Expressions;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Runtime;

/// <summary>
/// One step of one instance: a mutable working copy of the state, the queue of tokens to move, and the effects and
/// journal so far. Created per call by <see cref="WorkflowRunner"/> and thrown away after <see cref="Finish"/>.
/// </summary>
internal sealed class Execution
{
    private readonly ProcessDefinition definition;
    private readonly InstanceState original;
    private readonly DateTimeOffset now;
    private readonly TimeProvider time;
    private readonly IIdGenerator ids;
    private readonly ExpressionEvaluator evaluator;
    private readonly FrozenDictionary<string, IServiceTaskHandler> handlers;

    private readonly List<Token> tokens;
    private readonly List<TaskWait> tasks;
    private readonly List<TimerWait> timers;
    private readonly List<MessageWait> messages;
    private readonly List<ChildWait> children;
    private readonly List<Incident> incidents;
    private readonly List<EngineEffect> effects = [];
    private readonly List<JournalEntry> journal = [];
    private readonly Queue<Work> queue = new();
    private ImmutableSortedDictionary<string, JsonElement> variables;
    private InstanceStatus status;
    private int elementsRun;

    public Execution(ProcessDefinition definition, InstanceState state, DateTimeOffset now, TimeProvider time, IIdGenerator ids,
        ExpressionEvaluator evaluator, FrozenDictionary<string, IServiceTaskHandler> handlers)
    {
        this.definition = definition;
        original = state;
        this.now = now;
        this.time = time;
        this.ids = ids;
        this.evaluator = evaluator;
        this.handlers = handlers;
        tokens = [.. state.Tokens];
        tasks = [.. state.Tasks];
        timers = [.. state.Timers];
        messages = [.. state.Messages];
        children = [.. state.Children];
        incidents = [.. state.Incidents];
        variables = state.Variables;
        status = state.Status;
    }

    /// <summary>A token about to run <see cref="NodeId"/>. <see cref="Triggered"/>: its event already happened (just leave).</summary>
    private readonly record struct Work(Guid TokenId, string NodeId, string? Via, bool Triggered = false);

    /// <summary>Timers and subscriptions an element needs, computed before anything changes so a failure changes nothing.</summary>
    private sealed class Plan
    {
        /// <summary><c>Interval</c>: a cycle's, when the definition does not have it (a cycle given by an expression).</summary>
        public List<(string NodeId, DateTimeOffset DueAt, int RepetitionsLeft, IsoDuration? Interval)> Timers { get; } = [];
        public List<(string NodeId, string Name, string? Key)> Messages { get; } = [];
    }

    private sealed record PlanError(string ElementId, string Message);

    public void Enqueue(Guid tokenId, string nodeId, string? via) => queue.Enqueue(new Work(tokenId, nodeId, via));

    // ---- resumes -------------------------------------------------------------------------------------------------

    public void CompleteTask(TaskWait task, string? outcome, string? completedBy)
    {
        tasks.Remove(task);
        Log(task.TokenId, task.NodeId, JournalKind.TaskCompleted, outcome, completedBy);
        CompleteActivity(TakeToken(task.TokenId));
    }

    public void FireTimer(TimerWait timer)
    {
        timers.Remove(timer);
        var token = tokens.First(t => t.Id == timer.TokenId);
        switch (definition.Nodes.GetValueOrDefault(timer.NodeId))
        {
            case BoundaryEvent boundary:
                TriggerBoundary(boundary, token);
                if (!boundary.Interrupting && timer.RepetitionsLeft > 0 && CycleInterval(timer, boundary) is { } interval)
                {
                    Schedule(token.Id, boundary.Id, interval.AddTo(timer.DueAt), timer.RepetitionsLeft - 1, timer.Interval);
                }

                break;
            case IntermediateCatchEvent when token.NodeId == timer.NodeId:
                TakeToken(token.Id);
                queue.Enqueue(new Work(token.Id, timer.NodeId, token.ArrivedVia, Triggered: true));
                break;
            default:
                TriggerGatewayEvent(token, timer.NodeId);
                break;
        }
    }

    private static IsoDuration? CycleInterval(TimerWait timer, BoundaryEvent boundary) =>
        timer.Interval ?? (boundary.Trigger is TimerTrigger { Timer: CycleTimer cycle } ? cycle.Interval : null);

    public void DeliverMessage(MessageWait wait)
    {
        var token = tokens.First(t => t.Id == wait.TokenId);
        var node = definition.Nodes.GetValueOrDefault(wait.NodeId);
        if (node is BoundaryEvent { Interrupting: false } nonInterrupting)
        {
            // The subscription stays: a non-interrupting message event can happen again while its activity waits.
            TriggerBoundary(nonInterrupting, token);
            return;
        }

        messages.Remove(wait);
        if (node is BoundaryEvent boundary)
        {
            TriggerBoundary(boundary, token);
        }
        else if (token.NodeId == wait.NodeId && node is ReceiveTask)
        {
            CompleteActivity(TakeToken(token.Id));
        }
        else if (token.NodeId == wait.NodeId)
        {
            TakeToken(token.Id);
            queue.Enqueue(new Work(token.Id, wait.NodeId, token.ArrivedVia, Triggered: true));
        }
        else
        {
            TriggerGatewayEvent(token, wait.NodeId);
        }
    }

    public void CompleteChild(ChildWait child, IReadOnlyDictionary<string, JsonElement> childVariables)
    {
        children.Remove(child);
        if (definition.Nodes.GetValueOrDefault(child.NodeId) is CallActivity call)
        {
            var builder = variables.ToBuilder();
            foreach (var map in Mappings(call.Settings.Outputs))
            {
                builder[map.Target] = childVariables.TryGetValue(map.Source, out var value) ? value.Clone() : Null;
            }

            variables = builder.ToImmutable();
        }

        CompleteActivity(TakeToken(child.TokenId));
    }

    public void RetryIncidents(string? retriedBy)
    {
        foreach (var incident in incidents)
        {
            var token = TakeToken(incident.TokenId);
            Log(token.Id, token.NodeId, JournalKind.IncidentRetried, null, retriedBy);
            queue.Enqueue(new Work(token.Id, token.NodeId, token.ArrivedVia));
        }

        incidents.Clear();
    }

    public StepResult Finish()
    {
        Run();
        if (status is InstanceStatus.Running or InstanceStatus.Incident)
        {
            if (tokens.Count == 0)
            {
                status = InstanceStatus.Completed;
                effects.Add(new InstanceCompleted(original.InstanceId));
            }
            else
            {
                status = incidents.Count > 0 ? InstanceStatus.Incident : InstanceStatus.Running;
            }
        }

        var state = original with
        {
            Status = status,
            Sequence = original.Sequence + 1,
            Variables = variables,
            Tokens = [.. tokens],
            Tasks = [.. tasks],
            Timers = [.. timers],
            Messages = [.. messages],
            Children = [.. children],
            Incidents = [.. incidents],
        };
        return new StepResult(state, [.. effects], [.. journal]);
    }

    // ---- the token loop ------------------------------------------------------------------------------------------

    private void Run()
    {
        while (queue.TryDequeue(out var work))
        {
            if (++elementsRun > WorkflowRunner.MaxElementsPerStep)
            {
                Incident(work, work.NodeId, $"More than {WorkflowRunner.MaxElementsPerStep} elements ran in one step without waiting; the process loops.");
                continue;
            }

            Execute(work);
        }

        if (elementsRun > WorkflowRunner.MaxElementsPerStep)
        {
            KeepOneMailPerSendTask();
        }
    }

    /// <summary>
    /// A step stopped by the loop guard ran its send tasks once per round: each keeps only its first mail, so a modelling
    /// error costs an incident, not thousands of mails to shelters and the coordinator.
    /// </summary>
    private void KeepOneMailPerSendTask()
    {
        var mailed = new HashSet<string>(StringComparer.Ordinal);
        effects.RemoveAll(effect => effect is MailRequested mail && !mailed.Add(mail.NodeId));
    }

    private void Execute(Work work)
    {
        if (!definition.Nodes.TryGetValue(work.NodeId, out var node))
        {
            Incident(work, work.NodeId, $"The element '{work.NodeId}' is not in process '{definition.Id}'.");
            return;
        }

        Log(work.TokenId, node.Id, JournalKind.Entered);
        if (work.Triggered)
        {
            Leave(work.TokenId, node);
            return;
        }

        switch (node)
        {
            case StartEvent or BoundaryEvent:
                Leave(work.TokenId, node);
                break;
            case EndEvent end:
                Log(work.TokenId, node.Id, JournalKind.Left);
                if (end.Terminate)
                {
                    Terminate(end);
                }

                break;
            case UserTask task:
                EnterUserTask(work, task);
                break;
            case ServiceTask service:
                RunServiceTask(work, service);
                break;
            case SendTask send:
                effects.Add(new MailRequested(send.Settings.MailTemplate ?? "", send.Settings.AssigneeRole, send.Id));
                Leave(work.TokenId, node);
                break;
            case ReceiveTask receive:
                EnterWaiting(work, receive, plan => PlanMessage(receive.Id, receive.MessageRef, plan) ?? PlanBoundaries(receive.Id, plan));
                break;
            case CallActivity call:
                EnterCallActivity(work, call);
                break;
            case IntermediateCatchEvent catchEvent:
                EnterWaiting(work, catchEvent, plan => PlanTrigger(catchEvent.Id, catchEvent.Trigger, plan));
                break;
            case EventBasedGateway gateway:
                EnterWaiting(work, gateway, plan => PlanGateway(gateway, plan));
                break;
            case ExclusiveGateway exclusive:
                ChooseFlow(work, exclusive);
                break;
            case ParallelGateway parallel:
                ForkOrJoin(work, parallel);
                break;
            default:
                Incident(work, node.Id, $"The element {node.Describe()} ({node.ElementName}) cannot run.");
                break;
        }
    }

    private void Leave(Guid tokenId, FlowNode node)
    {
        Log(tokenId, node.Id, JournalKind.Left);
        var outgoing = definition.OutgoingOf(node.Id);
        for (var i = 0; i < outgoing.Length; i++)
        {
            // Several flows out of an element (not a gateway) split in parallel: the first keeps the token.
            queue.Enqueue(new Work(i == 0 ? tokenId : ids.NewId(), outgoing[i].TargetId, outgoing[i].Id));
        }
    }

    /// <summary>An activity is done: its boundary timers and subscriptions go in the same step, then the token moves on.</summary>
    private void CompleteActivity(Token token)
    {
        CancelWaitsOf(token.Id);
        Leave(token.Id, definition.Nodes[token.NodeId]);
    }

    // ---- elements ------------------------------------------------------------------------------------------------

    private void EnterUserTask(Work work, UserTask task)
    {
        var plan = new Plan();
        DateTimeOffset? dueAt = null;
        PlanError? error = null;
        if (task.Settings.Due is { } due)
        {
            if (DueTime(due, out var at) is { } dueError)
            {
                error = new PlanError(task.Id, $"The due time of {task.Describe()}: {dueError}");
            }

            dueAt = at;
        }

        error ??= PlanBoundaries(task.Id, plan);
        if (error is not null)
        {
            Incident(work, error.ElementId, error.Message);
            return;
        }

        var wait = new TaskWait(ids.NewId(), work.TokenId, task.Id, task.Settings.AssigneeRole, task.Settings.Form, dueAt, task.Settings.MailTemplate);
        tasks.Add(wait);
        effects.Add(new TaskCreated(wait.TaskId, task.Id, wait.AssigneeRole, wait.Form, wait.DueAt, wait.MailTemplate));
        Wait(work, plan);
    }

    private void RunServiceTask(Work work, ServiceTask service)
    {
        if (service.Settings.Handler is not { } name || !handlers.TryGetValue(name, out var handler))
        {
            Incident(work, service.Id, $"No service task handler named '{service.Settings.Handler}' is registered.");
            return;
        }

        var context = new ServiceTaskContext(original.InstanceId, definition.Id, service.Id, work.TokenId, now, variables);
        try
        {
            handler.Handle(context);
        }
        catch (ServiceTaskRefusedException refused)
        {
            // The handler's variables are dropped: the state stays as it was before the task. A refusal's message is
            // vouched free of personal data by the handler; it tells the administrator what to fix.
            Incident(work, service.Id, $"The handler '{name}' failed: {refused.Message}");
            return;
        }
        catch (Exception ex)
        {
            // Any other message may quote personal data (incidents are shown to administrators): its type only.
            Incident(work, service.Id, $"The handler '{name}' failed ({ex.GetType().Name}).");
            return;
        }

        variables = variables.SetItems(context.Changes);
        Leave(work.TokenId, service);
    }

    private void EnterCallActivity(Work work, CallActivity call)
    {
        var plan = new Plan();
        if (call.CalledProcessId is not { } calledId)
        {
            Incident(work, call.Id, $"The call activity {call.Describe()} names no process.");
            return;
        }

        if (PlanBoundaries(call.Id, plan) is { } error)
        {
            Incident(work, error.ElementId, error.Message);
            return;
        }

        var inputs = Variables.Empty.ToBuilder();
        foreach (var map in Mappings(call.Settings.Inputs))
        {
            inputs[map.Target] = variables.TryGetValue(map.Source, out var value) ? value : Null;
        }

        var child = new ChildWait(ids.NewId(), work.TokenId, call.Id, calledId);
        children.Add(child);
        effects.Add(new ChildRequested(child.ChildInstanceId, call.Id, calledId, inputs.ToImmutable()));
        Wait(work, plan);
    }

    private void EnterWaiting(Work work, FlowNode node, Func<Plan, PlanError?> planner)
    {
        var plan = new Plan();
        if (planner(plan) is { } error)
        {
            Incident(work, error.ElementId, error.Message);
            return;
        }

        Wait(work, plan);
    }

    private void ChooseFlow(Work work, ExclusiveGateway gateway)
    {
        var outgoing = definition.OutgoingOf(gateway.Id);
        var scope = Variables.ForExpressions(variables);
        foreach (var flow in outgoing.Where(f => !f.IsDefault && f.Id != gateway.DefaultFlowId))
        {
            var holds = true;
            if (flow.Condition is { } condition)
            {
                var result = evaluator.EvaluateCondition(condition, scope, time);
                if (!result.Succeeded)
                {
                    Incident(work, gateway.Id, $"The condition of flow '{flow.Id}' failed: {result.Error}");
                    return;
                }

                holds = result.Value is true;
            }

            if (holds)
            {
                Take(work.TokenId, gateway, flow);
                return;
            }
        }

        var fallback = outgoing.FirstOrDefault(f => f.IsDefault || f.Id == gateway.DefaultFlowId);
        if (fallback is null)
        {
            Incident(work, gateway.Id, $"No condition of gateway {gateway.Describe()} holds and it has no default flow.");
            return;
        }

        Take(work.TokenId, gateway, fallback);
    }

    private void Take(Guid tokenId, FlowNode node, SequenceFlow flow)
    {
        Log(tokenId, node.Id, JournalKind.Left, flow.Id);
        queue.Enqueue(new Work(tokenId, flow.TargetId, flow.Id));
    }

    private void ForkOrJoin(Work work, ParallelGateway gateway)
    {
        var incoming = definition.IncomingOf(gateway.Id);
        if (incoming.Length > 1)
        {
            tokens.Add(new Token(work.TokenId, gateway.Id, TokenState.AtJoin, work.Via));
            var arrived = incoming
                .Select(flow => tokens.FirstOrDefault(t => t.NodeId == gateway.Id && t.State == TokenState.AtJoin && t.ArrivedVia == flow.Id))
                .ToList();
            if (arrived.Any(t => t is null))
            {
                return;
            }

            foreach (var token in arrived)
            {
                tokens.Remove(token!);
                if (token!.Id != work.TokenId)
                {
                    Log(token.Id, gateway.Id, JournalKind.Left, "joined");
                }
            }
        }

        Leave(work.TokenId, gateway);
    }

    private void Terminate(EndEvent end)
    {
        foreach (var token in tokens)
        {
            CancelWaitsOf(token.Id);
            Log(token.Id, token.NodeId, JournalKind.Cancelled, $"terminated by '{end.Id}'");
        }

        tokens.Clear();
        incidents.Clear();
        queue.Clear();
        status = InstanceStatus.Terminated;
        effects.Add(new InstanceTerminated(original.InstanceId, end.Id));
    }

    private void TriggerBoundary(BoundaryEvent boundary, Token activityToken)
    {
        if (boundary.Interrupting)
        {
            CancelWaitsOf(activityToken.Id);
            TakeToken(activityToken.Id);
            Log(activityToken.Id, activityToken.NodeId, JournalKind.Cancelled, $"interrupted by '{boundary.Id}'");
            queue.Enqueue(new Work(activityToken.Id, boundary.Id, null, Triggered: true));
        }
        else
        {
            queue.Enqueue(new Work(ids.NewId(), boundary.Id, null, Triggered: true));
        }
    }

    /// <summary>The first event after an event-based gateway happened: the gateway's other timers and subscriptions go.</summary>
    private void TriggerGatewayEvent(Token gatewayToken, string eventNodeId)
    {
        CancelWaitsOf(gatewayToken.Id);
        TakeToken(gatewayToken.Id);
        var flow = definition.OutgoingOf(gatewayToken.NodeId).FirstOrDefault(f => f.TargetId == eventNodeId);
        Log(gatewayToken.Id, gatewayToken.NodeId, JournalKind.Left, flow?.Id);
        queue.Enqueue(new Work(gatewayToken.Id, eventNodeId, flow?.Id, Triggered: true));
    }

    // ---- planning waits ------------------------------------------------------------------------------------------

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

    // ---- bookkeeping ---------------------------------------------------------------------------------------------

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

        tokens.Add(new Token(work.TokenId, work.NodeId, TokenState.Waiting, work.Via));
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
        tokens.Add(new Token(work.TokenId, work.NodeId, TokenState.Incident, work.Via));
        incidents.Add(new Incident(work.TokenId, elementId, message, now));
        effects.Add(new IncidentRaised(work.TokenId, elementId, message));
        Log(work.TokenId, elementId, JournalKind.Incident, message);
    }

    private void Log(Guid tokenId, string nodeId, JournalKind kind, string? detail = null, string? actor = null) =>
        journal.Add(new JournalEntry(now, tokenId, nodeId, kind, detail, actor));

    private static IEnumerable<VariableMapping> Mappings(ImmutableArray<VariableMapping> mappings) => mappings.IsDefault ? [] : mappings;

    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);
}

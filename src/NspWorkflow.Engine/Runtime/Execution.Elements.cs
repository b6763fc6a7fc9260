using System.Text.Json;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Runtime;

/// <summary>Entering each kind of element: tasks, calls, gateways, end events, and the boundary and gateway events that fire.</summary>
internal sealed partial class Execution
{
    /// <summary>A user task; one instance of a multi-instance task has its <paramref name="item"/> and no boundary events of its own.</summary>
    private void EnterUserTask(Work work, UserTask task, JsonElement? item = null, int? loopCounter = null)
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

        error ??= loopCounter is null ? PlanBoundaries(task.Id, plan) : null;
        if (error is not null)
        {
            Incident(work, error.ElementId, error.Message);
            return;
        }

        var wait = new TaskWait(ids.NewId(), work.TokenId, task.Id, task.Settings.AssigneeRole, task.Settings.Form, dueAt, task.Settings.MailTemplate,
            item, loopCounter);
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
        catch (BusinessErrorException raised)
        {
            // A business outcome the process models (a boundary event catches it); the handler's writes are dropped.
            RaiseError(work, service, name, raised.ErrorCode);
            return;
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
        Leave(work.TokenId, work.Scope, service);
    }

    /// <summary>A call activity; one instance of a multi-instance call passes its item and counter to the child and has no boundary events of its own.</summary>
    private void EnterCallActivity(Work work, CallActivity call, JsonElement? item = null, int? loopCounter = null)
    {
        var plan = new Plan();
        if (call.CalledProcessId is not { } calledId)
        {
            Incident(work, call.Id, $"The call activity {call.Describe()} names no process.");
            return;
        }

        if (loopCounter is null && PlanBoundaries(call.Id, plan) is { } error)
        {
            Incident(work, error.ElementId, error.Message);
            return;
        }

        var inputs = Variables.Empty.ToBuilder();
        foreach (var map in Mappings(call.Settings.Inputs))
        {
            inputs[map.Target] = variables.TryGetValue(map.Source, out var value) ? value : Null;
        }

        if (loopCounter is not null && call.Settings.MultiInstance is { } loop)
        {
            inputs[loop.ElementVariable] = item ?? Null;
            inputs[LoopCounterVariable] = Variables.ToJson(loopCounter.Value);
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
                Take(work, gateway, flow);
                return;
            }
        }

        var fallback = outgoing.FirstOrDefault(f => f.IsDefault || f.Id == gateway.DefaultFlowId);
        if (fallback is null)
        {
            Incident(work, gateway.Id, $"No condition of gateway {gateway.Describe()} holds and it has no default flow.");
            return;
        }

        Take(work, gateway, fallback);
    }

    private void Take(Work work, FlowNode node, SequenceFlow flow)
    {
        Log(work.TokenId, node.Id, JournalKind.Left, flow.Id);
        queue.Enqueue(new Work(work.TokenId, flow.TargetId, flow.Id, Scope: work.Scope));
    }

    private void ForkOrJoin(Work work, ParallelGateway gateway)
    {
        var incoming = definition.IncomingOf(gateway.Id);
        if (incoming.Length > 1)
        {
            tokens.Add(new Token(work.TokenId, gateway.Id, TokenState.AtJoin, work.Via, work.Scope));
            // Only tokens of the same scope meet: two runs of one sub-process each have their own join.
            var arrived = incoming
                .Select(flow => tokens.FirstOrDefault(t => t.NodeId == gateway.Id && t.State == TokenState.AtJoin && t.ArrivedVia == flow.Id && t.Scope == work.Scope))
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

        Leave(work.TokenId, work.Scope, gateway);
    }

    private void Terminate(EndEvent end)
    {
        EndInstance($"terminated by '{end.Id}'");
        effects.Add(new InstanceTerminated(original.InstanceId, end.Id));
    }

    /// <summary>Cancels every token and wait of the instance, which ends as terminated.</summary>
    private void EndInstance(string reason)
    {
        foreach (var token in tokens)
        {
            CancelWaitsOf(token.Id);
            Log(token.Id, token.NodeId, JournalKind.Cancelled, reason);
        }

        tokens.Clear();
        incidents.Clear();
        loops.Clear();
        queue.Clear();
        status = InstanceStatus.Terminated;
    }

    private void TriggerBoundary(BoundaryEvent boundary, Token activityToken)
    {
        if (boundary.Interrupting)
        {
            if (definition.Nodes.GetValueOrDefault(activityToken.NodeId) is SubProcess || loops.Exists(l => l.BodyTokenId == activityToken.Id))
            {
                CancelScope(activityToken.Id, $"interrupted by '{boundary.Id}'");
            }

            CancelWaitsOf(activityToken.Id);
            TakeToken(activityToken.Id);
            Log(activityToken.Id, activityToken.NodeId, JournalKind.Cancelled, $"interrupted by '{boundary.Id}'");
            queue.Enqueue(new Work(activityToken.Id, boundary.Id, null, Triggered: true, Scope: activityToken.Scope));
        }
        else
        {
            queue.Enqueue(new Work(ids.NewId(), boundary.Id, null, Triggered: true, Scope: activityToken.Scope));
        }
    }

    /// <summary>The first event after an event-based gateway happened: the gateway's other timers and subscriptions go.</summary>
    private void TriggerGatewayEvent(Token gatewayToken, string eventNodeId)
    {
        CancelWaitsOf(gatewayToken.Id);
        TakeToken(gatewayToken.Id);
        var flow = definition.OutgoingOf(gatewayToken.NodeId).FirstOrDefault(f => f.TargetId == eventNodeId);
        Log(gatewayToken.Id, gatewayToken.NodeId, JournalKind.Left, flow?.Id);
        queue.Enqueue(new Work(gatewayToken.Id, eventNodeId, flow?.Id, Triggered: true, Scope: gatewayToken.Scope));
    }
}

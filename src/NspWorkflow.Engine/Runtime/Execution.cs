using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using NspWorkflow.Engine.Expressions;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Runtime;

/// <summary>
/// One step of one instance: a mutable working copy of the state, the queue of tokens to move, and the effects and
/// journal so far. Created per call by <see cref="WorkflowRunner"/> and thrown away after <see cref="Finish"/>. This
/// file holds the state and the token loop that dispatches each element; the resumes, the elements, the planning of
/// waits and the bookkeeping are in the other <c>Execution.*.cs</c> files.
/// </summary>
internal sealed partial class Execution
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
    private readonly List<LoopWait> loops;
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
        loops = state.Loops is { } running ? [.. running] : [];
        variables = state.Variables;
        status = state.Status;
    }

    /// <summary>
    /// A token about to run <see cref="NodeId"/>. <see cref="Triggered"/>: its event already happened (just leave).
    /// <see cref="Resumed"/>: the token already entered the node and waited there, so the journal has its Entered line.
    /// <see cref="Scope"/>: the token of the embedded sub-process it runs in (<see cref="Token.Scope"/>).
    /// </summary>
    private readonly record struct Work(Guid TokenId, string NodeId, string? Via, bool Triggered = false, bool Resumed = false, Guid? Scope = null);

    /// <summary>Timers and subscriptions an element needs, computed before anything changes so a failure changes nothing.</summary>
    private sealed class Plan
    {
        /// <summary><c>Interval</c>: a cycle's, when the definition does not have it (a cycle given by an expression).</summary>
        public List<(string NodeId, DateTimeOffset DueAt, int RepetitionsLeft, IsoDuration? Interval)> Timers { get; } = [];
        public List<(string NodeId, string Name, string? Key)> Messages { get; } = [];
    }

    private sealed record PlanError(string ElementId, string Message);

    public void Enqueue(Guid tokenId, string nodeId, string? via) => queue.Enqueue(new Work(tokenId, nodeId, via));

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
    /// error costs an incident, not thousands of mails to shelters and the coordinator. A throw event likewise keeps
    /// only its first thrown message, so the host does not deliver thousands.
    /// </summary>
    private void KeepOneMailPerSendTask()
    {
        var mailed = new HashSet<string>(StringComparer.Ordinal);
        var thrown = new HashSet<string>(StringComparer.Ordinal);
        effects.RemoveAll(effect => (effect is MailRequested mail && !mailed.Add(mail.NodeId))
            || (effect is MessageThrown message && !thrown.Add(message.NodeId)));
    }

    private void Execute(Work work)
    {
        if (!definition.Nodes.TryGetValue(work.NodeId, out var node))
        {
            Incident(work, work.NodeId, $"The element '{work.NodeId}' is not in process '{definition.Id}'.");
            return;
        }

        if (!work.Resumed)
        {
            Log(work.TokenId, node.Id, JournalKind.Entered);
        }

        if (work.Triggered)
        {
            Leave(work.TokenId, work.Scope, node);
            return;
        }

        if (loops.Count > 0 && work.Scope is { } scope && FindLoop(scope, node.Id) is { } running)
        {
            RunLoopInstance(work, node, running);
            return;
        }

        switch (node)
        {
            case StartEvent or BoundaryEvent:
                Leave(work.TokenId, work.Scope, node);
                break;
            case IntermediateThrowEvent or EndEvent { MessageRef: not null }:
                Throw(work, node);
                break;
            case EndEvent end:
                End(work, end);
                break;
            case UserTask { Settings.MultiInstance: { } loop }:
                EnterMultiInstance(work, node, loop);
                break;
            case UserTask task:
                EnterUserTask(work, task);
                break;
            case ServiceTask service:
                RunServiceTask(work, service);
                break;
            case SendTask send:
                effects.Add(new MailRequested(send.Settings.MailTemplate ?? "", send.Settings.AssigneeRole, send.Id));
                Leave(work.TokenId, work.Scope, node);
                break;
            case ReceiveTask receive:
                EnterWaiting(work, receive, plan => PlanMessage(receive.Id, receive.MessageRef, plan) ?? PlanBoundaries(receive.Id, plan));
                break;
            case CallActivity { Settings.MultiInstance: { } loop }:
                EnterMultiInstance(work, node, loop);
                break;
            case CallActivity call:
                EnterCallActivity(work, call);
                break;
            case SubProcess subProcess:
                EnterSubProcess(work, subProcess);
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
            case InclusiveGateway inclusive:
                EnterInclusive(work, inclusive);
                break;
            default:
                Incident(work, node.Id, $"The element {node.Describe()} ({node.ElementName}) cannot run.");
                break;
        }
    }

    private void Leave(Guid tokenId, Guid? scope, FlowNode node)
    {
        Log(tokenId, node.Id, JournalKind.Left);
        var outgoing = definition.OutgoingOf(node.Id);
        for (var i = 0; i < outgoing.Length; i++)
        {
            // Several flows out of an element (not a gateway) split in parallel: the first keeps the token.
            queue.Enqueue(new Work(i == 0 ? tokenId : ids.NewId(), outgoing[i].TargetId, outgoing[i].Id, Scope: scope));
        }
    }

    /// <summary>An activity is done: its boundary timers and subscriptions go in the same step, then the token moves on.</summary>
    private void CompleteActivity(Token token)
    {
        CancelWaitsOf(token.Id);
        Leave(token.Id, token.Scope, definition.Nodes[token.NodeId]);
    }
}

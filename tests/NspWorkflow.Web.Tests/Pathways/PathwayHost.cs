using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Web.Tests.Pathways;

/// <summary>
/// Plays the host for the pathway files with the pure engine: every instance in memory, a call activity's child started
/// at once, a finished child resuming its parent, a cancelled child terminated (as <c>WorkflowEngine</c> does in one
/// commit). Each call returns every effect of its cascade, so a test sees what the store and the outbox would get.
/// </summary>
internal sealed class PathwayHost
{
    private readonly Dictionary<string, ProcessDefinition> definitions = [];
    private readonly Dictionary<Guid, InstanceState> instances = [];
    private readonly WorkflowRunner runner;
    private List<(Guid Instance, EngineEffect Effect)> step = [];

    public PathwayHost(DateTimeOffset start, params IServiceTaskHandler[] handlers)
    {
        Time = new FakeTimeProvider(start);
        foreach (var processId in PathwayFiles.ProcessIds)
        {
            var (document, problems) = new DefinitionChecker().Check(PathwayFiles.Xml(processId), PathwayFiles.Context());
            Assert.True(problems.IsEmpty, string.Join("\n", problems));
            definitions[processId] = document!.Processes.Single();
        }

        runner = new WorkflowRunner(Time, new GuidIdGenerator(Time), handlers);
    }

    public FakeTimeProvider Time { get; }

    public InstanceState Instance(Guid id) => instances[id];

    /// <summary>The one instance of the process (of those ever started).</summary>
    public InstanceState Only(string processId) => Assert.Single(instances.Values, i => i.ProcessId == processId);

    public IReadOnlyList<InstanceState> All(string processId) => [.. instances.Values.Where(i => i.ProcessId == processId)];

    /// <summary>The one open task with this form, in whichever instance.</summary>
    public (InstanceState Instance, TaskWait Task) OpenTask(string form)
    {
        var open = instances.Values.SelectMany(i => i.Tasks.Select(t => (Instance: i, Task: t))).Where(x => x.Task.Form == form).ToList();
        return Assert.Single(open);
    }

    public IReadOnlyList<TaskWait> OpenTasks() => [.. instances.Values.SelectMany(i => i.Tasks)];

    public IReadOnlyList<TimerWait> PendingTimers() => [.. instances.Values.SelectMany(i => i.Timers)];

    public Steps Start(string processId, IReadOnlyDictionary<string, object?> variables) =>
        Run(() => Apply(runner.Start(definitions[processId], variables, new StartOptions("v1"))));

    public Steps Complete(string form, string outcome, IReadOnlyDictionary<string, object?>? data = null)
    {
        var (instance, task) = OpenTask(form);
        return Run(() => Apply(runner.CompleteTask(definitions[instance.ProcessId], instance, task.TaskId, outcome, data, "test-user")));
    }

    /// <summary>Moves the clock to the timer's due time (never back) and fires it, as the sweep would.</summary>
    public Steps Fire(TimerWait timer)
    {
        if (Time.GetUtcNow() < timer.DueAt)
            Time.SetUtcNow(timer.DueAt);
        var instance = instances.Values.Single(i => i.Timers.Contains(timer));
        return Run(() => Apply(runner.FireTimer(definitions[instance.ProcessId], instance, timer.TimerId)));
    }

    /// <summary>Delivers to the instance subscribed to the name and key, as the API's message endpoint would.</summary>
    public Steps Deliver(string name, string key, IReadOnlyDictionary<string, object?> data)
    {
        var instance = Assert.Single(instances.Values, i => i.IsActive && i.Messages.Any(m => m.MessageName == name && m.CorrelationKey == key));
        return Run(() => Apply(runner.DeliverMessage(definitions[instance.ProcessId], instance, name, key, data)));
    }

    private Steps Run(Action action)
    {
        step = [];
        action();
        return new Steps([.. step]);
    }

    private void Apply(StepResult result)
    {
        Assert.True(result.Succeeded, result.Error?.Message);
        var state = result.NewState;
        Assert.True(state.Status != InstanceStatus.Incident, string.Join("; ", state.Incidents.Select(i => $"{i.ElementId}: {i.Message}")));
        instances[state.InstanceId] = state;
        step.AddRange(result.Effects.Select(e => (state.InstanceId, e)));

        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case ChildRequested child:
                    Apply(runner.Start(definitions[child.CalledProcessId], child.Variables.ToDictionary(v => v.Key, v => (object?)v.Value),
                        new StartOptions("v1", child.ChildInstanceId, state.InstanceId)));
                    break;
                case ChildCancelled cancelled:
                    Cancel(cancelled.ChildInstanceId);
                    break;
                case InstanceCompleted or InstanceTerminated when state.ParentInstanceId is { } parentId:
                    var parent = instances[parentId];
                    Apply(runner.CompleteChild(definitions[parent.ProcessId], parent, state.InstanceId, state.Variables));
                    break;
            }
        }
    }

    /// <summary>What the store does to a child whose call activity ended: every wait withdrawn, the instance terminated.</summary>
    private void Cancel(Guid instanceId)
    {
        var state = instances[instanceId];
        step.AddRange(state.Tasks.Select(t => (instanceId, (EngineEffect)new TaskCancelled(t.TaskId, t.NodeId))));
        step.AddRange(state.Timers.Select(t => (instanceId, (EngineEffect)new TimerCancelled(t.TimerId, t.NodeId))));
        instances[instanceId] = state with
        {
            Status = InstanceStatus.Terminated,
            Sequence = state.Sequence + 1,
            Tokens = [],
            Tasks = [],
            Timers = [],
            Messages = [],
            Children = [],
        };
        foreach (var child in state.Children)
            Cancel(child.ChildInstanceId);
    }
}

/// <summary>The effects of one call and everything it cascaded to, with the instance each came from.</summary>
internal sealed record Steps(ImmutableArray<(Guid Instance, EngineEffect Effect)> All)
{
    public IReadOnlyList<T> Of<T>() where T : EngineEffect => [.. All.Select(x => x.Effect).OfType<T>()];
}

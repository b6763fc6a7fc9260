using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Parsing;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>Predictable ids: 00000000-0000-0000-0000-000000000001, ...2, ...</summary>
internal sealed class SequentialIds : IIdGenerator
{
    private int next;

    public Guid NewId() => new($"00000000-0000-0000-0000-{++next:D12}");
}

/// <summary>A handler defined by a delegate, for tests.</summary>
internal sealed class DelegateHandler(string name, Action<ServiceTaskContext> action) : IServiceTaskHandler
{
    public string Name => name;

    public void Handle(ServiceTaskContext context) => action(context);
}

/// <summary>
/// Plays the host: loads a .bpmn under Bpmn/Runtime (validated like a publish would), keeps the instance state, and checks
/// that every step succeeds and raises the sequence by one.
/// </summary>
internal sealed class RuntimeHarness
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private static readonly ValidationContext Context = new(
        Handlers: ["compute", "double-total", "end-period", "check-period"],
        Forms: ["review", "assessment"],
        Roles: ["coordinator"],
        MailTemplates: ["task-assigned", "reminder", "notice"],
        CallableProcessIds: ["shelter-period"]);

    public RuntimeHarness(string file, string? processId = null, bool validate = true, params IServiceTaskHandler[] handlers)
    {
        var xml = TestBpmn.Load(file);
        BpmnDocument document;
        if (validate)
        {
            var (checkedDocument, problems) = new DefinitionChecker().Check(xml, Context);
            Assert.True(problems.IsEmpty, string.Join("\n", problems.Select(p => $"{p.ElementId}: {p.Message}")));
            document = checkedDocument!;
        }
        else
        {
            document = new BpmnParser().Parse(xml).Document!;
        }

        Document = document;
        Definition = processId is null ? document.Processes[0] : document.FindProcess(processId)!;
        Runner = new WorkflowRunner(Time, Ids, handlers);
    }

    public FakeTimeProvider Time { get; } = new(T0);
    public SequentialIds Ids { get; } = new();
    public WorkflowRunner Runner { get; }
    public BpmnDocument Document { get; }
    public ProcessDefinition Definition { get; }
    public InstanceState State { get; private set; } = null!;
    public StepResult Last { get; private set; } = null!;

    public StepResult Start(object? variables = null) =>
        Apply(Runner.Start(Definition, ToDictionary(variables), new StartOptions("v1")));

    public StepResult CompleteTask(string nodeId, string? outcome = null, object? data = null) =>
        Apply(Runner.CompleteTask(Definition, State, Task(nodeId).TaskId, outcome, ToDictionary(data), "alice"));

    /// <summary>Moves the clock to the timer's due time and fires it, as the host's sweep would.</summary>
    public StepResult FireTimer(string nodeId)
    {
        var timer = Timer(nodeId);
        if (Time.GetUtcNow() < timer.DueAt)
        {
            Time.SetUtcNow(timer.DueAt);
        }

        return Apply(Runner.FireTimer(Definition, State, timer.TimerId));
    }

    public StepResult Deliver(string name, string? key, object? data = null) =>
        Apply(Runner.DeliverMessage(Definition, State, name, key, ToDictionary(data)));

    public StepResult Retry(object? variables = null) => Apply(Runner.RetryIncident(Definition, State, ToDictionary(variables)));

    public StepResult Apply(StepResult result)
    {
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal((State?.Sequence ?? 0) + 1, result.NewState.Sequence);
        State = result.NewState;
        Last = result;
        return result;
    }

    /// <summary>Replaces the state, e.g. by one read back from JSON.</summary>
    public void Load(InstanceState state) => State = state;

    public TaskWait Task(string nodeId) => Assert.Single(State.Tasks, t => t.NodeId == nodeId);

    public TimerWait Timer(string nodeId) => Assert.Single(State.Timers, t => t.NodeId == nodeId);

    /// <summary>Nodes whose Entered lines the last step journaled, in order.</summary>
    public IReadOnlyList<string> Entered() => Last.Journal.Where(j => j.Kind == JournalKind.Entered).Select(j => j.NodeId).ToList();

    public IReadOnlyList<T> Effects<T>() where T : EngineEffect => Last.Effects.OfType<T>().ToList();

    public static IReadOnlyDictionary<string, object?>? ToDictionary(object? values) => values switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> dictionary => dictionary,
        _ => values.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(values)),
    };
}

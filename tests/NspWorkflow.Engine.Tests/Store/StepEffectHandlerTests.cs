using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Expressions;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Engine.Tests.Runtime;

namespace NspWorkflow.Engine.Tests.Store;

/// <summary>
/// The host's step handlers see each step's effects before the store saves it (so their rows join the transaction), are
/// called again for a re-run after a conflict, and hear of a commit only once it is stored. The change they see names the
/// business key and its kind the host's options pick from the instance variables.
/// </summary>
public sealed class StepEffectHandlerTests
{
    private static readonly string Xml = TestBpmn.Wrap("""
        <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_In</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_1" targetRef="Node" />
        <bpmn:userTask id="Node" nsp:assigneeRole="coordinator" nsp:form="assessment" nsp:mailTemplate="task-assigned">
          <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Send</bpmn:outgoing>
        </bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_Send" sourceRef="Node" targetRef="Send" />
        <bpmn:sendTask id="Send" nsp:mailTemplate="reminder" nsp:assigneeRole="coordinator">
          <bpmn:incoming>Flow_Send</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>
        </bpmn:sendTask>
        <bpmn:sequenceFlow id="Flow_Out" sourceRef="Send" targetRef="EndEvent_1" />
        <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_Out</bpmn:incoming></bpmn:endEvent>
        """);

    [Fact]
    public async Task A_start_shows_the_new_task_and_its_organisation_to_the_handler_before_the_save_and_reports_the_commit_after()
    {
        var log = new List<string>();
        var store = new MemoryStore(log);
        var handler = new RecordingHandler(log);
        var engine = Engine(store, handler);

        var started = await engine.StartAsync("Process_1", new Dictionary<string, object?> { ["org"] = "org-1" });

        Assert.Equal(EngineOutcome.Started, started.Outcome);
        Assert.Equal(["before", "save:Saved", "after"], log);
        var change = Assert.Single(Assert.Single(handler.Before).Instances);
        Assert.Equal("org-1", change.OrganisationId);
        var task = Assert.Single(change.Effects.OfType<TaskCreated>());
        Assert.Equal(("task-assigned", "coordinator"), (task.MailTemplate, task.AssigneeRole));
        Assert.Same(handler.Before[0], Assert.Single(handler.After));
    }

    [Theory]
    [InlineData("case", null, "case", "c-1")]
    [InlineData("invoice as number", 42, "invoice", "42")]
    [InlineData("invoice as text", "i-7", "invoice", "i-7")]
    [InlineData("invoice neither text nor number", true, "case", "c-1")]
    public async Task The_first_configured_variable_the_instance_has_gives_the_business_key_and_its_kind(
        string scenario, object? invoiceId, string kind, string key)
    {
        var handler = new RecordingHandler([]);
        var engine = Engine(new MemoryStore([]), [handler],
            [new BusinessKeyVariable("invoice", "invoiceId"), new BusinessKeyVariable("case", "caseId")]);
        var variables = new Dictionary<string, object?> { ["scenario"] = scenario, ["caseId"] = "c-1" };
        if (invoiceId is not null)
            variables["invoiceId"] = invoiceId;

        await engine.StartAsync("Process_1", variables);

        var change = Assert.Single(Assert.Single(handler.Before).Instances);
        Assert.Equal((kind, key), (change.BusinessKeyKind, change.BusinessKey));
    }

    [Fact]
    public async Task Without_a_configured_variable_the_instance_has_there_is_no_business_key_nor_kind()
    {
        var handler = new RecordingHandler([]);
        var engine = Engine(new MemoryStore([]), [handler], [new BusinessKeyVariable("case", "caseId")]);

        await engine.StartAsync("Process_1", new Dictionary<string, object?> { ["invoiceId"] = "i-7" });

        var change = Assert.Single(Assert.Single(handler.Before).Instances);
        Assert.Equal((null, null), (change.BusinessKeyKind, change.BusinessKey));
    }

    [Fact]
    public async Task A_step_whose_save_conflicts_is_shown_again_after_the_reload_and_reported_once()
    {
        var log = new List<string>();
        var store = new MemoryStore(log);
        var handler = new RecordingHandler(log);
        var engine = Engine(store, handler);
        var instanceId = (await engine.StartAsync("Process_1", null)).InstanceId!.Value;
        log.Clear();
        handler.Before.Clear();
        handler.After.Clear();

        store.ConflictsLeft = 1;
        var completed = await engine.CompleteTaskAsync(store.Tasks.Keys.Single(), null, null, "alice");

        Assert.Equal(EngineOutcome.Completed, completed.Outcome);
        Assert.Equal(["before", "save:Conflict", "before", "save:Saved", "after"], log);
        Assert.All(handler.Before, commit => Assert.Single(commit.Instances.Single().Effects.OfType<MailRequested>(), m => m.Template == "reminder"));
        Assert.Same(handler.Before[1], Assert.Single(handler.After));
        Assert.Equal(InstanceStatus.Completed, (await store.LoadAsync(instanceId))!.Status);
    }

    [Fact]
    public async Task Without_handlers_the_engine_runs_as_before()
    {
        var store = new MemoryStore([]);
        var started = await Engine(store).StartAsync("Process_1", null);
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        Assert.Single(store.Tasks);
    }

    private static WorkflowEngine Engine(MemoryStore store, params IStepEffectHandler[] handlers) => Engine(store, handlers, null);

    private static WorkflowEngine Engine(MemoryStore store, IStepEffectHandler[] handlers, IReadOnlyList<BusinessKeyVariable>? businessKeys)
    {
        var time = new FakeTimeProvider(RuntimeHarness.T0);
        return new WorkflowEngine(store, new OneDefinition(Xml, time.GetUtcNow()), new ProcessDefinitionCache(),
            new WorkflowRunner(time, new SequentialIds(), [], new ExpressionEvaluator()), time,
            new WorkflowEngineOptions(OrganisationVariable: "org", BusinessKeys: businessKeys), handlers);
    }

    private sealed class RecordingHandler(List<string> log) : IStepEffectHandler
    {
        public List<StepCommit> Before { get; } = [];
        public List<StepCommit> After { get; } = [];

        public Task BeforeSaveAsync(StepCommit commit, CancellationToken cancellationToken)
        {
            log.Add("before");
            Before.Add(commit);
            return Task.CompletedTask;
        }

        public void AfterSave(StepCommit commit)
        {
            log.Add("after");
            After.Add(commit);
        }
    }

    /// <summary>Instances and task rows in memory; answers <see cref="SaveOutcome.Conflict"/> while <see cref="ConflictsLeft"/> lasts.</summary>
    private sealed class MemoryStore(List<string> log) : IInstanceStore
    {
        private readonly Dictionary<Guid, InstanceState> instances = [];

        public Dictionary<Guid, TaskRef> Tasks { get; } = [];
        public int ConflictsLeft { get; set; }

        public Task<SaveOutcome> SaveStepAsync(StepCommit commit, CancellationToken cancellationToken = default)
        {
            var outcome = ConflictsLeft-- > 0 ? SaveOutcome.Conflict : SaveOutcome.Saved;
            log.Add($"save:{outcome}");
            if (outcome == SaveOutcome.Saved)
            {
                foreach (var change in commit.Instances)
                {
                    instances[change.State.InstanceId] = change.State;
                    foreach (var task in change.Effects.OfType<TaskCreated>())
                        Tasks[task.TaskId] = new TaskRef(task.TaskId, change.State.InstanceId, task.NodeId, WaitStatus.Open);
                    if (change.CompletedTask is { } done)
                        Tasks[done.TaskId] = Tasks[done.TaskId] with { Status = WaitStatus.Completed };
                }
            }

            return Task.FromResult(outcome);
        }

        public Task<InstanceState?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
            Task.FromResult(instances.GetValueOrDefault(instanceId));

        public Task<TaskRef?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Tasks.TryGetValue(taskId, out var task) ? task : null);

        public Task<TimerRef?> FindTimerAsync(Guid timerId, CancellationToken cancellationToken = default) => Task.FromResult<TimerRef?>(null);

        public Task<IReadOnlyList<Guid>> FindMessageWaitersAsync(string name, string? correlationKey, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Guid>>([]);

        public Task CancelPendingTimerAsync(Guid timerId, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<int> ResetFailedTimersAsync(Guid instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) => Task.FromResult(0);

        public Task<int> CountFailedTimersAsync(Guid instanceId, CancellationToken cancellationToken = default) => Task.FromResult(0);
    }

    /// <summary>One published version 1 of Process_1.</summary>
    private sealed class OneDefinition(string xml, DateTimeOffset at) : IDefinitionStore
    {
        private readonly DefinitionVersion version = new("Process_1", 1, DefinitionStatus.Published, xml, "Process", at, at, "hash");

        public Task<DefinitionVersion?> GetLatestPublishedAsync(string processId, CancellationToken cancellationToken = default) =>
            Task.FromResult(processId == version.ProcessId ? version : null);

        public Task<DefinitionVersion?> GetAsync(string processId, int number, CancellationToken cancellationToken = default) =>
            Task.FromResult(processId == version.ProcessId && number == version.Version ? version : null);

        public Task<IReadOnlyList<DefinitionVersionInfo>> ListVersionsAsync(string processId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<DefinitionVersion>> AddDraftsAsync(IReadOnlyList<NewDraft> drafts, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<StorePublishOutcome> PublishAsync(string processId, int version, DateTimeOffset publishedAt, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}

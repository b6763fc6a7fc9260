using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data.Sqlite;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// The instance store's step write on a real (SQLite file) database: rows the step only updates are not read first,
/// so these check that the optimistic check still holds, that a step naming a row that does not exist is not stored,
/// and that a failed step leaves nothing tracked for the unit of work's next save.
/// </summary>
public sealed class StepStoreTests : IAsyncLifetime
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="D" targetNamespace="t">
          <bpmn:process id="store-test" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
            <bpmn:userTask id="Task" nsp:assigneeRole="shelter"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
            <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
            <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private StoreTestDatabase database = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        database = await StoreTestDatabase.CreateAsync(Xml, new WorkflowEngineOptions(), "shelter");
        services = database.Services;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_failed_step_leaves_nothing_tracked_so_the_next_step_of_the_unit_of_work_saves()
    {
        var first = await StartAsync();
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IInstanceStore>();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        var state = (await store.LoadAsync(first))!;

        // Storing the existing instance as new breaks its primary key: the database refuses the step.
        await Assert.ThrowsAsync<DbUpdateException>(() => store.SaveStepAsync(new StepCommit([new InstanceChange(state, null, DateTimeOffset.UtcNow, [], [])])));

        Assert.Empty(db.ChangeTracker.Entries());
        var next = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartAsync("store-test", null);
        Assert.Equal(EngineOutcome.Started, next.Outcome);
    }

    [Fact]
    public async Task Of_two_steps_from_the_same_sequence_the_second_is_a_conflict_and_stores_nothing()
    {
        var id = await StartAsync();
        await using var one = services.CreateAsyncScope();
        await using var two = services.CreateAsyncScope();
        var loaded = (await one.ServiceProvider.GetRequiredService<IInstanceStore>().LoadAsync(id))!;

        Assert.Equal(SaveOutcome.Saved, await one.ServiceProvider.GetRequiredService<IInstanceStore>().SaveStepAsync(Step(loaded, "first")));
        Assert.Equal(SaveOutcome.Conflict, await two.ServiceProvider.GetRequiredService<IInstanceStore>().SaveStepAsync(Step(loaded, "second")));

        Assert.Empty(two.ServiceProvider.GetRequiredService<NspDbContext>().ChangeTracker.Entries());
        Assert.Equal(loaded.Sequence + 1, (await LoadAsync(id)).Sequence);
        Assert.Equal("first", await VariableAsync(id, "who"));
    }

    [Fact]
    public async Task A_step_completing_a_task_that_has_no_row_is_not_stored()
    {
        var id = await StartAsync();
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IInstanceStore>();
        var loaded = (await store.LoadAsync(id))!;
        var step = Step(loaded, "ghost");
        var change = step.Instances[0] with { CompletedTask = new TaskCompletion(Guid.NewGuid(), "someone", "done", null, DateTimeOffset.UtcNow) };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveStepAsync(new StepCommit([change])));

        Assert.Contains(nameof(WorkflowTaskRow), error.Message, StringComparison.Ordinal);
        Assert.Empty(scope.ServiceProvider.GetRequiredService<NspDbContext>().ChangeTracker.Entries());
        Assert.Equal(loaded.Sequence, (await LoadAsync(id)).Sequence);
    }

    [Fact]
    public async Task Completing_a_task_stores_who_completed_it_and_the_next_wait()
    {
        var id = await StartAsync();
        Guid taskId;
        await using (var scope = services.CreateAsyncScope())
        {
            taskId = await scope.ServiceProvider.GetRequiredService<NspDbContext>().WorkflowTasks.Where(t => t.InstanceId == id).Select(t => t.Id).SingleAsync();
            var result = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(taskId, "approved", null, "user-1");
            Assert.Equal(EngineOutcome.Completed, result.Outcome);
        }

        await using var check = services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<NspDbContext>();
        var task = await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
        Assert.Equal((WaitStatus.Completed, "user-1", "approved"), (task.Status, task.CompletedBy, task.Outcome));
        Assert.NotNull(task.CompletedAt);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == id);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("store-test", instance.ProcessId);
        var again = await check.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(taskId, "approved", null, "user-1");
        Assert.Equal(EngineOutcome.AlreadyCompleted, again.Outcome);
    }

    [Fact]
    public async Task In_the_callers_transaction_a_lost_race_takes_back_only_its_own_step()
    {
        var kept = await StartAsync();
        var raced = await StartAsync();
        var stale = await LoadAsync(raced);
        await using (var winner = services.CreateAsyncScope())
            Assert.Equal(SaveOutcome.Saved, await winner.ServiceProvider.GetRequiredService<IInstanceStore>().SaveStepAsync(Step(stale, "winner")));

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<IInstanceStore>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(SaveOutcome.Saved, await store.SaveStepAsync(Step(await store.LoadAsync(kept) ?? throw new InvalidOperationException(), "caller")));
            Assert.Equal(SaveOutcome.Conflict, await store.SaveStepAsync(Step(stale, "loser")));
            await transaction.CommitAsync();
        }

        Assert.Equal("caller", await VariableAsync(kept, "who"));
        Assert.Equal("winner", await VariableAsync(raced, "who"));
    }

    [Fact]
    public async Task A_long_journal_is_stored_whole_and_in_order()
    {
        var id = await StartAsync();
        var loaded = await LoadAsync(id);
        var token = Guid.NewGuid();
        var journal = Enumerable.Range(0, 250)
            .Select(i => new JournalEntry(DateTimeOffset.UtcNow, token, $"N{i}", i % 2 == 0 ? JournalKind.Entered : JournalKind.Left))
            .ToImmutableArray();
        var step = Step(loaded, "journal");
        await using (var scope = services.CreateAsyncScope())
        {
            var save = await scope.ServiceProvider.GetRequiredService<IInstanceStore>()
                .SaveStepAsync(new StepCommit([step.Instances[0] with { Journal = journal }]));
            Assert.Equal(SaveOutcome.Saved, save);
        }

        await using var check = services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<NspDbContext>().WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == id && j.TokenId == token).OrderBy(j => j.Id).ToListAsync();
        Assert.Equal(journal.Select(j => (j.NodeId, j.Kind)), stored.Select(j => (j.NodeId, j.Kind)));
    }

    [Fact]
    public async Task A_pooled_context_gets_its_connection_back_when_a_task_is_read_but_not_completed()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(TimeProvider.System);
        collection.AddDbContextPool<NspDbContext>(builder => SqliteDatabase.Configure(builder, database.ConnectionString), poolSize: 1);
        collection.AddWorkflowEngine(new WorkflowEngineOptions(), _ => new ValidationContext([], [], ["shelter"], [], []));
        await using var pooled = collection.BuildServiceProvider();
        var id = await StartAsync();
        Guid taskId;
        await using (var scope = services.CreateAsyncScope())
        {
            taskId = await scope.ServiceProvider.GetRequiredService<NspDbContext>().WorkflowTasks.Where(t => t.InstanceId == id).Select(t => t.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(taskId, "approved", null, "user-1");
        }

        NspDbContext first;
        await using (var scope = pooled.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<NspDbContext>();
            // The task is read on the step's connection, then the step is refused, so nothing is saved.
            var again = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(taskId, "approved", null, "user-2");
            Assert.Equal(EngineOutcome.AlreadyCompleted, again.Outcome);
            Assert.Equal(System.Data.ConnectionState.Open, first.Database.GetDbConnection().State);
        }

        await using var next = pooled.CreateAsyncScope();
        var reused = next.ServiceProvider.GetRequiredService<NspDbContext>();
        Assert.Same(first, reused);
        Assert.Equal(System.Data.ConnectionState.Closed, reused.Database.GetDbConnection().State);
    }

    /// <summary>A step that only sets a variable, from <paramref name="loaded"/>'s sequence.</summary>
    private static StepCommit Step(InstanceState loaded, string who)
    {
        var variables = loaded.Variables.SetItem("who", System.Text.Json.JsonSerializer.SerializeToElement(who));
        var next = loaded with { Sequence = loaded.Sequence + 1, Variables = variables };
        return new StepCommit([new InstanceChange(next, loaded.Sequence, DateTimeOffset.UtcNow, [], [])]);
    }

    private async Task<Guid> StartAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartAsync("store-test", null);
        Assert.Equal(EngineOutcome.Started, result.Outcome);
        return result.InstanceId!.Value;
    }

    private async Task<InstanceState> LoadAsync(Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IInstanceStore>().LoadAsync(id))!;
    }

    private async Task<string?> VariableAsync(Guid id, string name) =>
        (await LoadAsync(id)).Variables.TryGetValue(name, out var value) ? value.GetString() : null;
}

using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// The engine on the real host's database, SQLite and PostgreSQL: the example process imported at first start, task
/// rows, the journal, the optimistic check under two completions at once, and its boundary reminder timer.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class EngineStoreTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Starting_and_completing_tasks_stores_rows_journal_and_sequence(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        var instanceId = await StartExampleAsync(host, new Dictionary<string, object?> { ["shelterId"] = "shelter-7" });

        await using (var db = host.CreateDbContext())
        {
            var task = await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId);
            Assert.Equal(("Task_Complete", "shelter", "admission-completion", "task-assigned", "shelter-7", WaitStatus.Open),
                (task.NodeId, task.AssigneeRole, task.FormKey, task.MailTemplate, task.OrganisationId, task.Status));
            Assert.Equal(host.Clock.GetUtcNow(), task.CreatedAt);
            var timer = await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId);
            Assert.Equal(("Event_Reminder", TimerStatus.Pending), (timer.NodeId, timer.Status));
            Assert.Equal(host.Clock.GetUtcNow().AddDays(23), timer.DueAt);
            Assert.Equal(1, (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId)).Sequence);
        }

        var first = await FirstTaskAsync(host, instanceId);
        var completed = await EngineAsync(host, e => e.CompleteTaskAsync(first, "completed", new Dictionary<string, object?> { ["note"] = "ok" }, "user-1"));
        Assert.Equal(EngineOutcome.Completed, completed.Outcome);

        await using (var db = host.CreateDbContext())
        {
            var tasks = await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync();
            var done = tasks.Single(t => t.Id == first);
            Assert.Equal((WaitStatus.Completed, "user-1", "completed", "{\"note\":\"ok\"}"), (done.Status, done.CompletedBy, done.Outcome, done.DataJson));
            var review = tasks.Single(t => t.Id != first);
            Assert.Equal(("Task_Review", "coordinator", "admission-review", WaitStatus.Open), (review.NodeId, review.AssigneeRole, review.FormKey, review.Status));
            Assert.Equal(TimerStatus.Cancelled, (await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId)).Status);
            var journal = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).ToListAsync();
            Assert.Contains(journal, j => j.NodeId == "Task_Complete" && j.Kind == JournalKind.Entered);
            Assert.Contains(journal, j => j.NodeId == "Task_Complete" && j.Kind == JournalKind.Left);
            Assert.Contains(journal, j => j.NodeId == "Task_Complete" && j.Kind == JournalKind.TaskCompleted && j.Actor == "user-1");
            Assert.Contains(journal, j => j.NodeId == "Task_Review" && j.Kind == JournalKind.Entered);
            Assert.Equal(2, (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId)).Sequence);
        }

        var again = await EngineAsync(host, e => e.CompleteTaskAsync(first, "completed", null, "user-2"));
        Assert.Equal(EngineOutcome.AlreadyCompleted, again.Outcome);
        Assert.Equal(EngineOutcome.NotFound, (await EngineAsync(host, e => e.CompleteTaskAsync(Guid.NewGuid(), null, null, null))).Outcome);

        var review2 = await FirstTaskAsync(host, instanceId);
        Assert.Equal(EngineOutcome.Completed, (await EngineAsync(host, e => e.CompleteTaskAsync(review2, "approved", null, "coordinator-1"))).Outcome);
        await using (var db = host.CreateDbContext())
            Assert.Equal(InstanceStatus.Completed, (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_completions_of_one_task_at_once_give_one_winner_and_one_already_completed(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        for (var round = 0; round < 5; round++)
        {
            var instanceId = await StartExampleAsync(host);
            var taskId = await FirstTaskAsync(host, instanceId);

            var results = await Task.WhenAll(
                Task.Run(() => EngineAsync(host, e => e.CompleteTaskAsync(taskId, "completed", null, "a"))),
                Task.Run(() => EngineAsync(host, e => e.CompleteTaskAsync(taskId, "completed", null, "b"))));

            Assert.Equal([EngineOutcome.Completed, EngineOutcome.AlreadyCompleted], results.Select(r => r.Outcome).Order());
            await using var db = host.CreateDbContext();
            var tasks = await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync();
            Assert.Single(tasks, t => t.Status == WaitStatus.Completed);
            Assert.Single(tasks, t => t.NodeId == "Task_Review");
            Assert.Single(await db.WorkflowJournal.AsNoTracking()
                .Where(j => j.InstanceId == instanceId && j.Kind == JournalKind.TaskCompleted).ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_reminder_timer_fires_once_when_due_and_a_timer_whose_task_was_completed_is_cancelled(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        var reminded = await StartExampleAsync(host);
        var completedFirst = await StartExampleAsync(host);
        Assert.Equal(EngineOutcome.Completed,
            (await EngineAsync(host, e => e.CompleteTaskAsync(FirstTaskAsync(host, completedFirst).Result, "completed", null, "u"))).Outcome);

        // Not due yet: nothing is claimed.
        Assert.Equal(0, (await SweepAsync(host)).Claimed);

        host.Clock.Advance(TimeSpan.FromDays(23));
        Assert.Equal(1, (await SweepAsync(host)).Fired);

        await using var db = host.CreateDbContext();
        var timer = await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.InstanceId == reminded);
        Assert.Equal(TimerStatus.Fired, timer.Status);
        Assert.Equal(1, timer.Attempts);
        Assert.Null(timer.ClaimToken);
        // Non-interrupting: the reminder ran its path and the task is still open.
        var journal = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == reminded).ToListAsync();
        Assert.Contains(journal, j => j.NodeId == "Task_Remind" && j.Kind == JournalKind.Left);
        Assert.Contains(journal, j => j.NodeId == "EndEvent_Reminded" && j.Kind == JournalKind.Entered);
        Assert.Equal(WaitStatus.Open, (await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.InstanceId == reminded)).Status);
        Assert.Equal(TimerStatus.Cancelled, (await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.InstanceId == completedFirst)).Status);
        Assert.DoesNotContain(await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == completedFirst).ToListAsync(),
            j => j.NodeId == "Task_Remind");

        Assert.Equal(0, (await SweepAsync(host)).Claimed);
    }

    private static async Task<Guid> FirstTaskAsync(StoreTestDatabase host, Guid instanceId)
    {
        await using var db = host.CreateDbContext();
        return await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == WaitStatus.Open)
            .Select(t => t.Id).SingleAsync();
    }
}

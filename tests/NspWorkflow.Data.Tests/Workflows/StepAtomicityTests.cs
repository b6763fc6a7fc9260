using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>
/// A step is stored whole or not at all. On PostgreSQL a step alone in its unit of work is one batch in the server's
/// implicit transaction, without BEGIN and COMMIT, and its statements check their own row counts; on SQLite it is an
/// explicit transaction. Either way a step that loses its race or names a row that does not exist leaves nothing:
/// not its instance update, not the rows it inserts, not its journal lines.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class StepAtomicityTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider> Providers => EngineStoreTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Of_two_steps_from_one_sequence_the_loser_stores_nothing_not_even_its_journal(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        var id = await StartExampleAsync(host, new Dictionary<string, object?> { ["shelterId"] = "shelter-1" });
        var loaded = await LoadAsync(host, id);
        var (winnerToken, loserToken) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal(SaveOutcome.Saved, await SaveAsync(host, Step(loaded, "winner", winnerToken)));
        Assert.Equal(SaveOutcome.Conflict, await SaveAsync(host, Step(loaded, "loser", loserToken)));

        var stored = await LoadAsync(host, id);
        Assert.Equal((loaded.Sequence + 1, "winner"), (stored.Sequence, stored.Variables["who"].GetString()));
        Assert.Equal(1, await JournalLinesAsync(host, winnerToken));
        Assert.Equal(0, await JournalLinesAsync(host, loserToken));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_step_completing_a_task_that_has_no_row_takes_back_its_instance_update_and_journal(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        var id = await StartExampleAsync(host, new Dictionary<string, object?> { ["shelterId"] = "shelter-1" });
        var loaded = await LoadAsync(host, id);
        var token = Guid.NewGuid();
        var step = Step(loaded, "ghost", token);
        // The instance UPDATE comes first in the batch and succeeds; the task's UPDATE finds no row after it.
        var change = step.Instances[0] with { CompletedTask = new TaskCompletion(Guid.NewGuid(), "someone", "done", null, host.Clock.GetUtcNow()) };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SaveAsync(host, new StepCommit([change])));

        Assert.Contains(nameof(WorkflowTaskRow), error.Message, StringComparison.Ordinal);
        var stored = await LoadAsync(host, id);
        Assert.Equal(loaded.Sequence, stored.Sequence);
        Assert.False(stored.Variables.ContainsKey("who"));
        Assert.Equal(0, await JournalLinesAsync(host, token));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_step_after_a_refused_one_on_the_same_pooled_connection_is_stored(DatabaseProvider provider)
    {
        await using var host = await StoreTestDatabase.WithExampleAsync(provider, postgres);
        var id = await StartExampleAsync(host, new Dictionary<string, object?> { ["shelterId"] = "shelter-1" });
        var loaded = await LoadAsync(host, id);
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(host, Step(loaded, "first", Guid.NewGuid())));

        // Many refused steps, then a good one: a refusal must leave no transaction open on the connection it returns.
        for (var attempt = 0; attempt < 5; attempt++)
            Assert.Equal(SaveOutcome.Conflict, await SaveAsync(host, Step(loaded, "stale", Guid.NewGuid())));
        var current = await LoadAsync(host, id);
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(host, Step(current, "second", Guid.NewGuid())));

        var stored = await LoadAsync(host, id);
        Assert.Equal((loaded.Sequence + 2, "second"), (stored.Sequence, stored.Variables["who"].GetString()));
    }

    /// <summary>A step from <paramref name="loaded"/>'s sequence that sets a variable and writes one journal line.</summary>
    private static StepCommit Step(InstanceState loaded, string who, Guid token)
    {
        var next = loaded with { Sequence = loaded.Sequence + 1, Variables = loaded.Variables.SetItem("who", JsonSerializer.SerializeToElement(who)) };
        var journal = ImmutableArray.Create(new JournalEntry(DateTimeOffset.UtcNow, token, "Task_Complete", JournalKind.Left));
        return new StepCommit([new InstanceChange(next, loaded.Sequence, DateTimeOffset.UtcNow, [], journal)]);
    }

    private static async Task<SaveOutcome> SaveAsync(StoreTestDatabase host, StepCommit step)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IInstanceStore>().SaveStepAsync(step);
    }

    private static async Task<InstanceState> LoadAsync(StoreTestDatabase host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IInstanceStore>().LoadAsync(id))!;
    }

    private static async Task<int> JournalLinesAsync(StoreTestDatabase host, Guid token)
    {
        await using var db = host.CreateDbContext();
        return await db.WorkflowJournal.AsNoTracking().CountAsync(j => j.TokenId == token);
    }
}

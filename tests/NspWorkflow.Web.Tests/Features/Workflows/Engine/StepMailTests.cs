using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Data.Outbox;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Infrastructure.DevelopmentIdentity;
using NspWorkflow.Web.Pathways;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>
/// Mail the engine asks for is written to the outbox in the step's own transaction: a shelter task and the reminder reach
/// the shelter's contact address with no variable values in them, and a step that does not commit leaves no mail.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StepMailTests
{
    private const string NorthAddress = "nord@demoboende.example";
    private const string CaseReference = "NSP-2026-0007";

    // Values that must never reach a mail: they stand for the personal data a case's variables hold.
    private static readonly Dictionary<string, object?> Variables = new()
    {
        [PathwayNames.Variables.Shelter] = DemoDirectory.ShelterNorth.ToString(),
        [PathwayMailer.CaseReferenceVariable] = CaseReference,
        ["personName"] = "Ayla Testperson",
        ["birthYear"] = 1987,
        ["country"] = "Moldavien",
        ["note"] = "Fritext om personen",
    };

    [Fact]
    public async Task A_shelter_task_puts_one_mail_without_variable_values_in_the_outbox_and_it_reaches_the_pickup_folder()
    {
        await using var app = await NspApp.StartAsync();
        var instanceId = await StartExampleAsync(app, Variables);

        Guid taskId;
        OutboxMail mail;
        await using (var db = app.CreateDbContext())
        {
            taskId = await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == instanceId).Select(t => t.Id).SingleAsync();
            mail = Assert.Single(await db.OutboxMails.AsNoTracking().ToListAsync());
        }

        Assert.Equal([NorthAddress], mail.To);
        Assert.Equal(("task", Texts.Swedish(PathwayMailer.TaskSubject)), (mail.Kind, mail.Subject));
        Assert.Contains("Komplettera ansökan", mail.TextBody);
        Assert.Contains(CaseReference, mail.TextBody);
        Assert.Contains($"{app.BaseUrl}tasks/{taskId}", mail.TextBody);
        AssertNoVariableValues(mail);

        // The kick after the commit sends it at once, not at the next minute's sweep.
        var file = Path.Combine(app.DataPath, "mail", $"{mail.Id:N}.eml");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(file) && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.True(File.Exists(file), "The mail reaches the pickup folder after the kick.");

        // The review task is the coordinator's: no mail (the coordinator's daily digest is a later issue).
        Assert.Equal(EngineOutcome.Completed, (await EngineAsync(app, e => e.CompleteTaskAsync(taskId, "completed", null, "shelter-1"))).Outcome);
        await using (var db = app.CreateDbContext())
            Assert.Equal(1, await db.OutboxMails.CountAsync());
    }

    [Fact]
    public async Task The_reminder_timer_adds_a_reminder_mail_to_the_shelter()
    {
        await using var app = await NspApp.StartAsync();
        await StartExampleAsync(app, Variables);

        app.Clock.Advance(TimeSpan.FromDays(23));
        // The app's own minutely sweep may fire the timer first; either way it fires once.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await TimerFiredAsync(app) && DateTime.UtcNow < deadline)
            await SweepAsync(app);
        Assert.True(await TimerFiredAsync(app));

        await using var db = app.CreateDbContext();
        var mails = await db.OutboxMails.AsNoTracking().ToListAsync();
        Assert.Equal(2, mails.Count);
        var reminder = Assert.Single(mails, m => m.Kind == "reminder");
        Assert.Equal([NorthAddress], reminder.To);
        Assert.Equal(Texts.Swedish(PathwayMailer.ReminderSubject), reminder.Subject);
        Assert.Contains(CaseReference, reminder.TextBody);
        AssertNoVariableValues(reminder);
    }

    [Fact]
    public async Task A_step_whose_save_conflicts_is_run_again_and_only_the_committed_attempt_leaves_mail()
    {
        await using var app = await NspApp.StartAsync();
        var instanceId = await StartExampleAsync(app, Variables);
        Guid timerId;
        await using (var db = app.CreateDbContext())
        {
            timerId = await db.WorkflowTimers.AsNoTracking().Where(t => t.InstanceId == instanceId).Select(t => t.Id).SingleAsync();
            // Claimed by the test before it is due (until 2100 by the database's clock, which the test cannot move), so the
            // app's own minutely sweep leaves the timer to the engine below.
            await db.WorkflowTimers.Where(t => t.Id == timerId).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.ClaimToken, Guid.NewGuid())
                .SetProperty(t => t.ClaimedUntil, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        }

        app.Clock.Advance(TimeSpan.FromDays(23));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The app's engine, on a store whose first save meets a real optimistic conflict in the database.
            var store = new ConflictOnFirstSave(scope.ServiceProvider.GetRequiredService<IInstanceStore>());
            var engine = ActivatorUtilities.CreateInstance<WorkflowEngine>(scope.ServiceProvider, store);
            Assert.Equal(EngineOutcome.Fired, (await engine.FireTimerAsync(timerId)).Outcome);
            Assert.Equal(2, store.Saves);
        }

        await using (var db = app.CreateDbContext())
            Assert.Single(await db.OutboxMails.AsNoTracking().Where(m => m.Kind == "reminder").ToListAsync());
    }

    [Fact]
    public async Task Mail_in_the_unit_of_work_of_a_conflicting_save_is_dropped_with_it()
    {
        await using var app = await NspApp.StartAsync();
        var instanceId = await StartExampleAsync(app, Variables);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IInstanceStore>();
            var state = (await store.LoadAsync(instanceId))!;
            scope.ServiceProvider.GetRequiredService<IMailOutbox>().Enqueue(
                new OutboxMailDraft([NorthAddress], Texts.Swedish(PathwayMailer.ReminderSubject), "Test\n", "reminder"));
            var stale = new InstanceChange(state with { Sequence = state.Sequence + 1 }, state.Sequence - 1, app.Clock.GetUtcNow(), [], []);

            Assert.Equal(SaveOutcome.Conflict, await store.SaveStepAsync(new StepCommit([stale])));
            // Whatever saves the context later must not carry the refused step's mail.
            await scope.ServiceProvider.GetRequiredService<NspDbContext>().SaveChangesAsync();
        }

        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.OutboxMails.CountAsync(m => m.Kind == "reminder"));
    }

    private static async Task<bool> TimerFiredAsync(NspApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.WorkflowTimers.AsNoTracking().AnyAsync(t => t.Status == TimerStatus.Fired);
    }

    private static void AssertNoVariableValues(OutboxMail mail)
    {
        foreach (var text in new[] { mail.Subject, mail.TextBody })
        {
            foreach (var value in new[] { "Ayla", "Testperson", "1987", "Moldavien", "Fritext", DemoDirectory.ShelterNorth.ToString() })
                Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Sends the engine's first save in with a stale expected sequence, so the database refuses it; later saves pass.</summary>
    private sealed class ConflictOnFirstSave(IInstanceStore inner) : ForwardingInstanceStore(inner)
    {
        public int Saves { get; private set; }

        public override Task<SaveOutcome> SaveStepAsync(StepCommit commit, CancellationToken cancellationToken = default)
        {
            Saves++;
            return Saves > 1
                ? base.SaveStepAsync(commit, cancellationToken)
                : base.SaveStepAsync(commit with
                {
                    Instances = [.. commit.Instances.Select(c => c with { ExpectedSequence = c.ExpectedSequence - 1 })],
                }, cancellationToken);
        }
    }
}

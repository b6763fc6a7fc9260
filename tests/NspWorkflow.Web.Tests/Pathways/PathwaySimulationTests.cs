using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Web.Tests.Pathways;

/// <summary>
/// The pathway files run by the pure engine, with stand-in handlers that follow the contract, as the app would drive
/// them: tasks completed by outcome, timers fired at their due time, the police report delivered by case id.
/// </summary>
public sealed class PathwaySimulationTests
{
    // Monday 4 May 2026, 10:00 in Stockholm: the reflection period runs 4 May - 2 June (no daylight-saving change inside).
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);
    private const string CaseId = "0b8a4f5e-3c1d-4e8a-9f00-000000000042";
    private const string ShelterId = "5e1e7e00-0000-4000-8000-000000000001";

    private readonly StubCase stub = new();
    private readonly PathwayHost host;

    public PathwaySimulationTests() => host = new PathwayHost(Start, stub.Handlers());

    [Fact]
    public void A_case_runs_admission_reflection_three_extended_periods_and_integration_and_closes_with_integration()
    {
        StartCase();
        var review = host.OpenTask("admission-review").Task;
        Assert.Equal(("coordinator", null), (review.AssigneeRole, review.MailTemplate));

        host.Complete("admission-review", "approve");
        var reflection = host.Only("nsp-reflection");
        Assert.Equal(new StubPeriod("reflection", 1, new DateOnly(2026, 5, 4), new DateOnly(2026, 6, 2)), Assert.Single(stub.Periods));
        Assert.Equal([CaseId, ShelterId, "NSP-2026-0042"], new[] { "caseId", "shelterId", "reference" }.Select(v => reflection.Variables[v].GetString()));
        var nextStep = host.OpenTask("next-step");
        Assert.Equal(("shelter", "task-assigned"), (nextStep.Task.AssigneeRole, nextStep.Task.MailTemplate));
        Assert.Equal(new DateTimeOffset(2026, 6, 3, 0, 0, 0, TimeSpan.FromHours(2)), nextStep.Task.DueAt);
        Assert.Equal("reflection", nextStep.Instance.Variables["periodKind"].GetString());
        Assert.Equal("2026-06-02", nextStep.Instance.Variables["periodLastDay"].GetString());

        for (var number = 1; number <= 3; number++)
        {
            host.Complete("next-step", "extended");
            Assert.Equal(("coordinator", null), (host.OpenTask("extended-review").Task.AssigneeRole, host.OpenTask("extended-review").Task.MailTemplate));
            var approved = host.Complete("extended-review", "approve");

            // The period that ended withdraws its reminders; the new extended period starts the day after.
            Assert.Equal(2, approved.Of<TimerCancelled>().Count);
            Assert.Equal(("extended", number), (stub.Periods[^1].Kind, stub.Periods[^1].Number));
            Assert.Equal(stub.Periods[^2].LastDay.AddDays(1), stub.Periods[^1].FirstDay);
            Assert.Equal(89, stub.Periods[^1].LastDay.DayNumber - stub.Periods[^1].FirstDay.DayNumber);
            Assert.Equal(number, host.All("nsp-extended").Count);
            Assert.Equal("extended", host.OpenTask("next-step").Instance.Variables["periodKind"].GetString());
        }

        Assert.Equal(new DateOnly(2027, 2, 27), stub.Periods[^1].LastDay);
        host.Complete("next-step", "integration");
        Assert.Equal("coordinator", host.OpenTask("integration-review").Task.AssigneeRole);
        host.Complete("integration-review", "approve");

        var exit = host.OpenTask("exit-report");
        Assert.Equal(new StubPeriod("integration", 1, new DateOnly(2027, 2, 28), new DateOnly(2027, 4, 13)), stub.Periods[^1]);
        Assert.Equal(("shelter", "task-assigned"), (exit.Task.AssigneeRole, exit.Task.MailTemplate));
        Assert.Equal(new DateTimeOffset(2027, 4, 14, 0, 0, 0, TimeSpan.FromHours(2)), exit.Task.DueAt);
        Assert.Null(stub.ClosedWith);

        var done = host.Complete("exit-report", "submit");

        Assert.Equal("integration", stub.ClosedWith);
        Assert.Equal(InstanceStatus.Completed, host.Only("nsp-case").Status);
        Assert.Equal(2, done.Of<TimerCancelled>().Count);
        Assert.Empty(host.OpenTasks());
        Assert.Empty(host.PendingTimers());
        Assert.All(host.All("nsp-next-step"), i => Assert.Equal(InstanceStatus.Completed, i.Status));
    }

    [Fact]
    public void A_rejected_admission_ends_the_case_as_rejected_without_a_period_or_a_closing()
    {
        StartCase();

        host.Complete("admission-review", "reject", new Dictionary<string, object?> { ["reason"] = "Kriterium 3 är inte uppfyllt" });

        Assert.Equal("Kriterium 3 är inte uppfyllt", stub.RejectionReason);
        var caseInstance = host.Only("nsp-case");
        Assert.Equal(InstanceStatus.Completed, caseInstance.Status);
        Assert.False(caseInstance.Variables["admitted"].GetBoolean());
        Assert.Empty(stub.Periods);
        Assert.Null(stub.ClosedWith);
        Assert.Empty(host.All("nsp-reflection"));
        Assert.Empty(host.OpenTasks());
    }

    [Fact]
    public void An_admission_sent_back_for_completion_is_reviewed_again_after_the_shelter_submits()
    {
        StartCase();

        var completion = Assert.Single(host.Complete("admission-review", "complete").Of<TaskCreated>());
        Assert.Equal(("admission-completion", "shelter", "task-assigned"), (completion.Form, completion.AssigneeRole, completion.MailTemplate));
        Assert.Equal(completion.TaskId, Assert.Single(host.OpenTasks()).TaskId);

        var again = host.Complete("admission-completion", "submit");
        Assert.Equal("admission-review", Assert.Single(again.Of<TaskCreated>()).Form);

        host.Complete("admission-review", "approve");
        Assert.True(host.Only("nsp-case").Variables["admitted"].GetBoolean());
        Assert.Equal("reflection", Assert.Single(stub.Periods).Kind);
        Assert.Equal("next-step", Assert.Single(host.OpenTasks()).Form);
    }

    [Theory]
    [InlineData("extended", "extended-review")]
    [InlineData("integration", "integration-review")]
    public void A_rejected_application_gives_the_shelter_a_new_next_step_task_in_the_same_period(string choice, string review)
    {
        StartCase();
        host.Complete("admission-review", "approve");
        var first = host.OpenTask("next-step").Task;

        host.Complete("next-step", choice);
        var rejected = host.Complete(review, "reject", new Dictionary<string, object?> { ["reason"] = "Behovsbedömningen saknas" });

        var second = host.OpenTask("next-step").Task;
        Assert.NotEqual(first.TaskId, second.TaskId);
        Assert.Equal((first.DueAt, "task-assigned"), (second.DueAt, second.MailTemplate));
        Assert.Equal(second.TaskId, Assert.Single(rejected.Of<TaskCreated>()).TaskId);
        Assert.Single(stub.Periods);
        Assert.Equal(2, host.Only("nsp-reflection").Timers.Length);

        host.Complete("next-step", "return");
        Assert.Equal("return", stub.ClosedWith);
        Assert.Equal(InstanceStatus.Completed, host.Only("nsp-case").Status);
    }

    [Fact]
    public void A_police_report_with_mmm_granted_ends_the_reflection_cancels_the_task_and_reminders_and_closes_the_case_as_mmm()
    {
        StartCase();
        host.Complete("admission-review", "approve");
        var task = host.OpenTask("next-step").Task;
        var reminders = host.Only("nsp-reflection").Timers;
        host.Time.Advance(TimeSpan.FromDays(11));

        var report = host.Deliver("police-report-filed", CaseId, new Dictionary<string, object?> { ["date"] = "2026-05-15", ["mmmGranted"] = true });

        Assert.Equal(("2026-05-15", true), Assert.Single(stub.PoliceReports));
        Assert.Contains(new TaskCancelled(task.TaskId, "Task_NextStep"), report.Of<TaskCancelled>());
        Assert.Equal(reminders.Select(t => t.TimerId).Order(), report.Of<TimerCancelled>().Select(t => t.TimerId).Order());
        Assert.Equal(InstanceStatus.Terminated, host.Only("nsp-reflection").Status);
        Assert.Equal(InstanceStatus.Terminated, host.Only("nsp-next-step").Status);
        Assert.Equal("mmm", stub.ClosedWith);
        Assert.Empty(host.PendingTimers());
        Assert.Empty(report.Of<MailRequested>());

        // The case is closed; the coordinator notes that the state took over, and then the case process ends.
        Assert.Equal("mmm-noted", Assert.Single(host.OpenTasks()).Form);
        host.Complete("mmm-noted", "noted");
        Assert.Equal(InstanceStatus.Completed, host.Only("nsp-case").Status);
        Assert.Empty(host.OpenTasks());
    }

    [Fact]
    public void A_police_report_without_mmm_is_recorded_and_the_period_runs_on_with_its_task_and_reminders()
    {
        StartCase();
        host.Complete("admission-review", "approve");
        var task = host.OpenTask("next-step").Task;
        var timers = host.PendingTimers();

        var report = host.Deliver("police-report-filed", CaseId, new Dictionary<string, object?> { ["date"] = "2026-05-10", ["mmmGranted"] = false });

        Assert.Equal(("2026-05-10", false), Assert.Single(stub.PoliceReports));
        Assert.Empty(report.Of<TaskCancelled>());
        Assert.Empty(report.Of<TimerCancelled>());
        Assert.Equal(task, host.OpenTask("next-step").Task);
        Assert.Equal(timers, host.PendingTimers());
        Assert.Equal(InstanceStatus.Running, host.Only("nsp-reflection").Status);
        Assert.Null(stub.ClosedWith);

        // The subscription stays: a later report that grants MMM still ends the period.
        host.Deliver("police-report-filed", CaseId, new Dictionary<string, object?> { ["date"] = "2026-05-20", ["mmmGranted"] = true });
        Assert.Equal("mmm", stub.ClosedWith);
    }

    [Fact]
    public void Reminders_fire_seven_and_two_days_before_the_last_days_morning_of_every_period_and_mail_the_shelter()
    {
        StartCase();
        host.Complete("admission-review", "approve");
        // Reflection 4 May - 2 June 2026: reminders 26 and 31 May, 08:00 in Stockholm.
        AssertReminders(host.Only("nsp-reflection"), new DateTimeOffset(2026, 5, 26, 8, 0, 0, TimeSpan.FromHours(2)));

        host.Complete("next-step", "extended");
        host.Complete("extended-review", "approve");
        // Extended 3 June - 31 August 2026.
        AssertReminders(host.Only("nsp-extended"), new DateTimeOffset(2026, 8, 24, 8, 0, 0, TimeSpan.FromHours(2)));

        host.Complete("next-step", "integration");
        host.Complete("integration-review", "approve");
        // Integration 1 September - 15 October 2026, reminders on the exit report task.
        var integration = host.Only("nsp-integration");
        Assert.All(integration.Timers, t => Assert.Equal("Task_ExitReport", integration.Tokens.Single(k => k.Id == t.TokenId).NodeId));
        AssertReminders(integration, new DateTimeOffset(2026, 10, 8, 8, 0, 0, TimeSpan.FromHours(2)));
        Assert.Equal("exit-report", Assert.Single(host.OpenTasks()).Form);
        Assert.Null(stub.ClosedWith);
    }

    /// <summary>
    /// The instance's two reminder timers are due at the period's last-day morning minus 7 and minus 2 days; firing each
    /// mails the shelter a period reminder and leaves the period's task open.
    /// </summary>
    private void AssertReminders(InstanceState instance, DateTimeOffset sevenDaysBefore)
    {
        var lastDayMorning = DateTimeOffset.Parse(instance.Variables["periodLastDayMorning"].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(sevenDaysBefore, lastDayMorning.AddDays(-7));
        var seven = Assert.Single(instance.Timers, t => t.NodeId == "Event_Reminder7");
        var two = Assert.Single(instance.Timers, t => t.NodeId == "Event_Reminder2");
        Assert.Equal(lastDayMorning.AddDays(-7), seven.DueAt);
        Assert.Equal(lastDayMorning.AddDays(-2), two.DueAt);

        var openTasks = host.OpenTasks();
        foreach (var (timer, sendTask) in new[] { (seven, "Task_Remind7"), (two, "Task_Remind2") })
        {
            var fired = host.Fire(timer);
            Assert.Equal(timer.DueAt, host.Time.GetUtcNow());
            Assert.Equal(new MailRequested("period-reminder", "shelter", sendTask), Assert.Single(fired.Of<MailRequested>()));
            Assert.Empty(fired.Of<TaskCancelled>());
        }

        Assert.Equal(openTasks, host.OpenTasks());
        Assert.Empty(host.Instance(instance.InstanceId).Timers);
    }

    private void StartCase() => host.Start("nsp-case", new Dictionary<string, object?>
    {
        ["caseId"] = CaseId,
        ["shelterId"] = ShelterId,
        ["reference"] = "NSP-2026-0042",
    });
}

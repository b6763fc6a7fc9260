using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

public class EventTests
{
    [Fact]
    public void Event_based_gateway_timer_wins_and_the_message_subscription_is_cancelled()
    {
        var host = new RuntimeHarness("Runtime/event-gateway.bpmn");
        host.Start(new { caseId = "C-1" });
        var timer = host.Timer("Catch_Timeout");
        var subscription = Assert.Single(host.State.Messages);
        Assert.Equal(new TimerScheduled(timer.TimerId, "Catch_Timeout", RuntimeHarness.T0.AddDays(2)), Assert.Single(host.Effects<TimerScheduled>()));
        Assert.Equal(new MessageSubscribed(subscription.SubscriptionId, "Catch_Reply", "reply", "C-1"), Assert.Single(host.Effects<MessageSubscribed>()));
        Assert.Equal("Gateway_1", Assert.Single(host.State.Tokens).NodeId);

        host.FireTimer("Catch_Timeout");

        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Equal(["Catch_Timeout", "End_Timeout"], host.Entered());
        Assert.Equal(new MessageUnsubscribed(subscription.SubscriptionId, "Catch_Reply", "reply", "C-1"), Assert.Single(host.Effects<MessageUnsubscribed>()));
        Assert.Empty(host.State.Messages);
        Assert.Equal(StepErrorKind.NoSuchWait, host.Runner.DeliverMessage(host.Definition, host.State, "reply", "C-1", null).Error?.Kind);
    }

    [Fact]
    public void Event_based_gateway_message_wins_and_the_timer_is_cancelled()
    {
        var host = new RuntimeHarness("Runtime/event-gateway.bpmn");
        host.Start(new { caseId = "C-1" });
        var timer = host.Timer("Catch_Timeout");

        Assert.Equal(StepErrorKind.NoSuchWait, host.Runner.DeliverMessage(host.Definition, host.State, "reply", "C-2", null).Error?.Kind);
        host.Deliver("reply", "C-1", new { answer = "yes" });

        Assert.Equal(["Catch_Reply", "End_Reply"], host.Entered());
        Assert.Equal(new TimerCancelled(timer.TimerId, "Catch_Timeout"), Assert.Single(host.Effects<TimerCancelled>()));
        Assert.Empty(host.State.Timers);
        Assert.Equal("yes", host.State.Variables["answer"].GetString());
        Assert.Equal(StepErrorKind.TimerNotActive, host.Runner.FireTimer(host.Definition, host.State, timer.TimerId).Error?.Kind);
    }

    [Theory]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(-0.0, "0")]
    [InlineData(0.1, "0.1")]
    public void A_number_correlation_key_is_the_text_JavaScript_prints_so_a_sender_can_write_it_the_same_way(double caseId, string key)
    {
        var host = new RuntimeHarness("Runtime/intermediate.bpmn");
        host.Start(new { caseId });
        host.FireTimer("Catch_Timer");

        Assert.Equal(key, Assert.Single(host.State.Messages).CorrelationKey);
        host.Deliver("go", key);
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void Intermediate_timer_never_fires_early_then_the_message_catch_waits_for_its_key()
    {
        var host = new RuntimeHarness("Runtime/intermediate.bpmn");
        host.Start(new { caseId = 42 });
        var timer = host.Timer("Catch_Timer");
        Assert.Equal(RuntimeHarness.T0.AddHours(1), timer.DueAt);

        host.Time.Advance(TimeSpan.FromMinutes(59));
        var early = host.Runner.FireTimer(host.Definition, host.State, timer.TimerId);
        Assert.Equal(StepErrorKind.TimerNotDue, early.Error?.Kind);

        host.FireTimer("Catch_Timer");

        // The timer's event was entered when the token began to wait; firing it only leaves it (and enters the next).
        Assert.Equal(["Catch_Message"], host.Entered());
        Assert.Equal([(JournalKind.Left, "Catch_Timer"), (JournalKind.Entered, "Catch_Message")], host.Last.Journal.Select(j => (j.Kind, j.NodeId)));
        Assert.Equal("Catch_Message", Assert.Single(host.State.Tokens).NodeId);
        // A number key is correlated as its JavaScript text.
        Assert.Equal("42", Assert.Single(host.State.Messages).CorrelationKey);
        host.Deliver("go", "42");
        Assert.DoesNotContain("Catch_Message", host.Entered());
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void Interrupting_boundary_timer_cancels_the_task_and_the_other_boundary_timers_and_subscriptions()
    {
        var host = new RuntimeHarness("Runtime/boundary.bpmn");
        host.Start(new { caseId = "C-1" });
        var task = host.Task("Task_Work");
        var remind = host.Timer("Boundary_Remind");
        var subscription = Assert.Single(host.State.Messages);

        host.FireTimer("Boundary_Deadline");

        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Equal(["Boundary_Deadline", "End_Late"], host.Entered());
        Assert.Contains(new TaskCancelled(task.TaskId, "Task_Work"), host.Last.Effects);
        Assert.Contains(new TimerCancelled(remind.TimerId, "Boundary_Remind"), host.Last.Effects);
        Assert.Contains(new MessageUnsubscribed(subscription.SubscriptionId, "Boundary_Cancel", "cancel", "C-1"), host.Last.Effects);
        Assert.Contains(host.Last.Journal, j => j is { Kind: JournalKind.Cancelled, NodeId: "Task_Work" });
        Assert.Empty(host.State.Tasks);
        Assert.Empty(host.State.Timers);
        Assert.Empty(host.State.Messages);
        Assert.Equal(StepErrorKind.TaskNotActive, host.Runner.CompleteTask(host.Definition, host.State, task.TaskId, null, null, "x").Error?.Kind);
    }

    [Fact]
    public void Interrupting_boundary_message_cancels_the_task()
    {
        var host = new RuntimeHarness("Runtime/boundary.bpmn");
        host.Start(new { caseId = "C-1" });

        host.Deliver("cancel", "C-1");

        Assert.Equal(["Boundary_Cancel", "End_Cancelled"], host.Entered());
        Assert.Single(host.Effects<TaskCancelled>());
        Assert.Equal(2, host.Effects<TimerCancelled>().Count);
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void Non_interrupting_boundary_timer_starts_a_new_path_and_the_task_stays()
    {
        var host = new RuntimeHarness("Runtime/boundary.bpmn");
        host.Start(new { caseId = "C-1" });
        var task = host.Task("Task_Work");
        var deadline = host.Timer("Boundary_Deadline");

        host.FireTimer("Boundary_Remind");

        Assert.Equal(["Boundary_Remind", "Send_Reminder", "End_Reminded"], host.Entered());
        Assert.Equal(new MailRequested("reminder", "coordinator", "Send_Reminder"), Assert.Single(host.Effects<MailRequested>()));
        Assert.Empty(host.Effects<TaskCancelled>());
        Assert.Empty(host.Effects<TimerCancelled>());
        Assert.Equal(task, host.Task("Task_Work"));
        Assert.Equal(deadline, host.Timer("Boundary_Deadline"));
        Assert.Empty(host.State.Timers.Where(t => t.NodeId == "Boundary_Remind")); // a duration fires once
        Assert.Equal(InstanceStatus.Running, host.State.Status);
        // The reminder path's token ended; the task's token waits on.
        Assert.Equal(task.TokenId, Assert.Single(host.State.Tokens).Id);
    }

    [Fact]
    public void Leaving_the_task_cancels_its_boundary_timers_and_subscriptions_in_the_same_step()
    {
        var host = new RuntimeHarness("Runtime/boundary.bpmn");
        host.Start(new { caseId = "C-1" });
        var deadline = host.Timer("Boundary_Deadline");
        var remind = host.Timer("Boundary_Remind");

        host.CompleteTask("Task_Work");

        Assert.Equal(["End_Done"], host.Entered());
        Assert.Equal([new TimerCancelled(deadline.TimerId, "Boundary_Deadline"), new TimerCancelled(remind.TimerId, "Boundary_Remind")], host.Effects<TimerCancelled>());
        Assert.Single(host.Effects<MessageUnsubscribed>());
        Assert.Empty(host.Effects<TaskCancelled>()); // completed, not cancelled
        Assert.Empty(host.State.Timers);
        Assert.Equal(StepErrorKind.TimerNotActive, host.Runner.FireTimer(host.Definition, host.State, deadline.TimerId).Error?.Kind);
    }

    [Fact]
    public void A_cycle_R3_boundary_rearms_until_its_three_repetitions_are_used()
    {
        var host = new RuntimeHarness("Runtime/cycle.bpmn");
        host.Start();
        var dues = new List<DateTimeOffset>();

        for (var i = 0; i < 3; i++)
        {
            dues.Add(host.Timer("Boundary_Daily").DueAt);
            host.FireTimer("Boundary_Daily");
            Assert.Single(host.Effects<MailRequested>());
            Assert.Equal(i < 2 ? 1 : 0, host.Effects<TimerScheduled>().Count);
        }

        Assert.Equal([RuntimeHarness.T0.AddDays(1), RuntimeHarness.T0.AddDays(2), RuntimeHarness.T0.AddDays(3)], dues);
        Assert.Empty(host.State.Timers);
        host.Task("Task_Work"); // still open
        host.CompleteTask("Task_Work");
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void Terminate_end_event_cancels_every_task_timer_and_subscription()
    {
        var host = new RuntimeHarness("Runtime/terminate.bpmn");
        host.Start();
        var taskA = host.Task("Task_A");
        var timer = host.Timer("Boundary_Remind");
        var subscription = Assert.Single(host.State.Messages);
        Assert.Null(subscription.CorrelationKey);

        host.CompleteTask("Task_B");

        Assert.Equal(InstanceStatus.Terminated, host.State.Status);
        Assert.Contains(new TaskCancelled(taskA.TaskId, "Task_A"), host.Last.Effects);
        Assert.Contains(new TimerCancelled(timer.TimerId, "Boundary_Remind"), host.Last.Effects);
        Assert.Contains(new MessageUnsubscribed(subscription.SubscriptionId, "Receive_Report", "report", null), host.Last.Effects);
        Assert.Equal(new InstanceTerminated(host.State.InstanceId, "End_Terminate"), host.Last.Effects[^1]);
        Assert.DoesNotContain(host.Last.Effects, e => e is InstanceCompleted);
        Assert.Empty(host.State.Tokens);
        Assert.Empty(host.State.Tasks);
        Assert.Empty(host.State.Timers);
        Assert.Empty(host.State.Messages);
    }

    [Fact]
    public void A_receive_task_continues_on_its_message()
    {
        var host = new RuntimeHarness("Runtime/terminate.bpmn");
        host.Start();

        host.Deliver("report", null, new { reportNo = 7 });

        Assert.Equal(["End_C"], host.Entered());
        Assert.Equal(7, host.State.Variables["reportNo"].GetInt32());
        Assert.Equal(2, host.State.Tasks.Length);
    }
}

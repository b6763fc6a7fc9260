using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>
/// A timer start event (BPMN 2.0 §10.5.2): the timer triggers a new instance, which then runs as any other from its
/// start event; the timer is no wait of the instance. The host starts it with the occurrence as <c>scheduledAt</c>, and
/// may still start it by hand.
/// </summary>
public sealed class TimerStartTests
{
    [Fact]
    public void The_file_schedules_a_round_every_15_January_at_08_00()
    {
        var host = new RuntimeHarness("Runtime/timer-start.bpmn");
        var timer = Assert.IsType<AnchoredCycleTimer>(host.Definition.NodesInOrder.OfType<StartEvent>().Single().Timer);

        // From 3 March 2025 (the harness's clock): 15 January 2027, 08:00 at +01:00, is 07:00 UTC; then a year on.
        var first = TimerStartSchedule.NextAfter(timer, host.Time.GetUtcNow());
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 7, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2028, 1, 15, 7, 0, 0, TimeSpan.Zero), TimerStartSchedule.NextAfter(timer, first!.Value));
        Assert.Null(TimerStartSchedule.LatestAtOrBefore(timer, host.Time.GetUtcNow()));
    }

    [Fact]
    public void A_scheduled_instance_leaves_the_start_event_at_once_and_waits_at_its_first_task()
    {
        var host = new RuntimeHarness("Runtime/timer-start.bpmn");
        var occurrence = new DateTimeOffset(2027, 1, 15, 7, 0, 0, TimeSpan.Zero);
        host.Time.SetUtcNow(occurrence.AddSeconds(30));

        host.Start(new Dictionary<string, object?> { [WorkflowEngine.ScheduledAtVariable] = occurrence });

        Assert.Equal(["Start_Round", "Task_Recertify"], host.Entered());
        Assert.Contains(host.Last.Journal, j => j is { NodeId: "Start_Round", Kind: JournalKind.Left });
        Assert.Equal(occurrence, host.State.Variables["scheduledAt"].GetDateTimeOffset());
        var task = host.Task("Task_Recertify");
        Assert.Equal(new TaskCreated(task.TaskId, "Task_Recertify", "coordinator", "review", occurrence.AddSeconds(30).AddDays(30), null),
            Assert.Single(host.Effects<TaskCreated>()));
        Assert.Equal([("Task_Recertify", TokenState.Waiting)], host.State.Tokens.Select(t => (t.NodeId, t.State)));
        // The start event's timer belongs to the host's schedule, not to the instance.
        Assert.Empty(host.State.Timers);
        Assert.Empty(host.Effects<TimerScheduled>());

        host.CompleteTask("Task_Recertify");

        Assert.Equal(["End_Done"], host.Entered());
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Empty(host.State.Tokens);
    }

    [Fact]
    public void The_host_may_still_start_it_by_hand()
    {
        var host = new RuntimeHarness("Runtime/timer-start.bpmn");

        host.Start();

        Assert.Equal(["Start_Round", "Task_Recertify"], host.Entered());
        Assert.False(host.State.Variables.ContainsKey("scheduledAt"));
        Assert.Equal(InstanceStatus.Running, host.State.Status);
    }
}

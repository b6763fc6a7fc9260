using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Edge cases of BPMN 2.0.2 token rules: a join takes one token per incoming flow (a
/// second on the same flow waits for the next round), an event-based gateway with a receive task, a timeDate with an
/// offset, and boundary timers and a terminate end event on a call activity (the child is cancelled, the cycle stops).
/// </summary>
public sealed class TokenRuleEdgeTests
{
    [Fact]
    public void A_join_consumes_one_token_per_incoming_flow_and_a_second_token_on_the_same_flow_waits_for_the_next_round()
    {
        var host = new RuntimeHarness("Runtime/join-rounds.bpmn");
        host.Start();

        host.CompleteTask("Task_A1");
        host.CompleteTask("Task_A2");

        Assert.Empty(host.State.Tasks.Where(t => t.NodeId == "Task_C"));
        Assert.Equal(2, host.State.Tokens.Count(t => t is { NodeId: "Join", State: TokenState.AtJoin, ArrivedVia: "Flow_a" }));

        host.CompleteTask("Task_B");

        host.Task("Task_C");
        var left = Assert.Single(host.State.Tokens, t => t.NodeId == "Join");
        Assert.Equal(("Flow_a", TokenState.AtJoin), (left.ArrivedVia, left.State));
        Assert.Equal(host.State.Tokens.Length, host.State.Tokens.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void A_loop_back_to_the_fork_joins_the_next_round_with_a_token_left_from_the_first()
    {
        var host = new RuntimeHarness("Runtime/join-rounds.bpmn");
        host.Start();
        host.CompleteTask("Task_A1");
        host.CompleteTask("Task_B");
        host.CompleteTask("Task_C", "again");
        Assert.Equal(["Task_A1", "Task_A2", "Task_A2", "Task_B"], host.State.Tasks.Select(t => t.NodeId).Order());
        Assert.DoesNotContain(host.State.Tokens, t => t.NodeId == "Join");

        // Task_A2 of round one reaches the join late; with round two's Task_B it makes a pair.
        host.Apply(host.Runner.CompleteTask(host.Definition, host.State, host.State.Tasks.First(t => t.NodeId == "Task_A2").TaskId, null, null, "alice"));
        host.CompleteTask("Task_B");

        Assert.Single(host.State.Tasks, t => t.NodeId == "Task_C");
        Assert.DoesNotContain(host.State.Tokens, t => t.NodeId == "Join");
        host.CompleteTask("Task_C", "done");
        Assert.Equal(InstanceStatus.Running, host.State.Status); // round two's Task_A1 and Task_A2 are still open
        Assert.Equal(["Task_A1", "Task_A2"], host.State.Tasks.Select(t => t.NodeId).Order());
    }

    [Fact]
    public void An_event_based_gateway_with_a_receive_task_takes_the_message_path_and_cancels_the_timer_and_other_subscription()
    {
        var host = new RuntimeHarness("Runtime/event-gateway-receive-task.bpmn");
        host.Start(new { caseId = "C-1" });
        Assert.Equal(2, host.State.Messages.Length);
        var timer = host.Timer("Catch_Deadline");
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 8, 0, 0, TimeSpan.Zero), timer.DueAt.ToUniversalTime());

        host.Deliver("reply", "C-1", new { answer = "yes" });

        Assert.Equal(["Receive_Reply", "Task_Read"], host.Entered());
        Assert.Empty(host.State.Messages);
        Assert.Empty(host.State.Timers);
        Assert.Single(host.Effects<TimerCancelled>());
        Assert.Single(host.Effects<MessageUnsubscribed>());
        Assert.Equal(StepErrorKind.TimerNotActive, host.Runner.FireTimer(host.Definition, host.State, timer.TimerId).Error?.Kind);
    }

    [Fact]
    public void A_time_date_with_an_offset_never_fires_before_its_instant()
    {
        var host = new RuntimeHarness("Runtime/event-gateway-receive-task.bpmn");
        host.Start(new { caseId = "C-1" });
        var timer = host.Timer("Catch_Deadline");

        host.Time.SetUtcNow(new DateTimeOffset(2025, 3, 5, 7, 59, 59, TimeSpan.Zero));
        Assert.Equal(StepErrorKind.TimerNotDue, host.Runner.FireTimer(host.Definition, host.State, timer.TimerId).Error?.Kind);

        host.FireTimer("Catch_Deadline");
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Equal(2, host.Effects<MessageUnsubscribed>().Count);
    }

    [Fact]
    public void An_interrupting_boundary_timer_on_a_call_activity_cancels_the_child_and_the_cycle()
    {
        var host = new RuntimeHarness("Runtime/call-boundaries.bpmn", "Process_1");
        host.Start(new { caseId = "C-1" });
        var child = Assert.Single(host.State.Children);

        host.FireTimer("Boundary_Daily");
        Assert.Single(host.State.Children);
        Assert.Single(host.Effects<MailRequested>());

        host.FireTimer("Boundary_Late");

        Assert.Equal(new ChildCancelled(child.ChildInstanceId, "Call_Child"), Assert.Single(host.Effects<ChildCancelled>()));
        Assert.Empty(host.State.Children);
        Assert.Empty(host.State.Timers);
        host.Task("Task_Stop");
    }

    [Fact]
    public void A_terminate_end_event_cancels_a_running_child()
    {
        var host = new RuntimeHarness("Runtime/call-boundaries.bpmn", "Process_1");
        host.Start(new { caseId = "C-1" });
        var child = Assert.Single(host.State.Children);

        host.CompleteTask("Task_Stop");

        Assert.Equal(InstanceStatus.Terminated, host.State.Status);
        Assert.Equal(new ChildCancelled(child.ChildInstanceId, "Call_Child"), Assert.Single(host.Effects<ChildCancelled>()));
        Assert.Equal(2, host.Effects<TimerCancelled>().Count);
    }

    [Fact]
    public void A_cycle_on_a_call_activity_stops_when_the_child_ends()
    {
        var host = new RuntimeHarness("Runtime/call-boundaries.bpmn", "Process_1");
        host.Start(new { caseId = "C-1" });
        var child = Assert.Single(host.State.Children);
        host.FireTimer("Boundary_Daily");

        host.Apply(host.Runner.CompleteChild(host.Definition, host.State, child.ChildInstanceId,
            new Dictionary<string, System.Text.Json.JsonElement> { ["answer"] = Variables.ToJson("yes") }));

        Assert.Equal("yes", host.State.Variables["answer"].GetString());
        Assert.Empty(host.State.Timers);
        Assert.Equal(2, host.Effects<TimerCancelled>().Count);
    }
}

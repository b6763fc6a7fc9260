using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Embedded sub-processes (BPMN 2.0 §10.3.5, §13.2.4): the sub-process's token waits while its own start event and
/// flows run inside; it completes when the last token inside does; its boundary events act on everything inside.
/// </summary>
public sealed class SubProcessTests
{
    [Fact]
    public void A_sub_process_runs_its_own_start_and_completes_when_the_last_token_inside_ends()
    {
        var host = new RuntimeHarness("Runtime/sub-process.bpmn");
        host.Start(new { caseId = "C-1" });

        Assert.Equal(["StartEvent_1", "Sub_Review", "Sub_Start", "Fork", "Task_A", "Task_B"], host.Entered());
        Assert.Equal(["Task_A", "Task_B"], host.State.Tasks.Select(t => t.NodeId));
        var subToken = Assert.Single(host.State.Tokens, t => t.NodeId == "Sub_Review");
        Assert.All(host.State.Tokens.Where(t => t.NodeId != "Sub_Review"), t => Assert.Equal(subToken.Id, t.Scope));
        Assert.Null(subToken.Scope);
        Assert.Equal(["Boundary_Late"], host.State.Timers.Select(t => t.NodeId));

        host.CompleteTask("Task_A");
        Assert.Equal(["Join"], host.Entered());
        Assert.Contains(host.State.Tokens, t => t.NodeId == "Sub_Review");

        host.CompleteTask("Task_B");

        Assert.Equal(["Join", "Sub_End", "Task_After"], host.Entered());
        Assert.Contains(host.Last.Journal, j => j.NodeId == "Sub_Review" && j.Kind == JournalKind.Left);
        // Leaving the sub-process withdraws its boundary timer and subscription in the same step.
        Assert.Equal(["Boundary_Late"], host.Effects<TimerCancelled>().Select(t => t.NodeId));
        Assert.Equal(["Boundary_Remind"], host.Effects<MessageUnsubscribed>().Select(m => m.NodeId));
        Assert.Equal([("Task_After", (Guid?)null)], host.State.Tokens.Select(t => (t.NodeId, t.Scope)));

        host.CompleteTask("Task_After");
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void An_interrupting_boundary_timer_on_the_sub_process_cancels_everything_inside()
    {
        var host = new RuntimeHarness("Runtime/sub-process.bpmn");
        host.Start(new { caseId = "C-1" });
        host.CompleteTask("Task_A");

        host.FireTimer("Boundary_Late");

        Assert.Equal(["Boundary_Late", "End_Late"], host.Entered());
        Assert.Equal(["Task_B"], host.Effects<TaskCancelled>().Select(t => t.NodeId));
        var cancelled = host.Last.Journal.Where(j => j.Kind == JournalKind.Cancelled).Select(j => j.NodeId).ToList();
        Assert.Equal(["Task_B", "Join", "Sub_Review"], cancelled);
        Assert.Empty(host.State.Tokens);
        Assert.Empty(host.State.Tasks);
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_non_interrupting_message_on_the_sub_process_starts_a_path_beside_it_and_the_inside_goes_on()
    {
        var host = new RuntimeHarness("Runtime/sub-process.bpmn");
        host.Start(new { caseId = "C-1" });

        host.Deliver("remind", "C-1");

        Assert.Equal(["Boundary_Remind", "Send_Reminder", "End_Reminded"], host.Entered());
        Assert.Equal(["reminder"], host.Effects<MailRequested>().Select(m => m.Template));
        Assert.Equal(["Task_A", "Task_B"], host.State.Tasks.Select(t => t.NodeId));
        Assert.Empty(host.Effects<TaskCancelled>());

        host.CompleteTask("Task_A");
        host.CompleteTask("Task_B");
        Assert.Equal(["Task_After"], host.State.Tasks.Select(t => t.NodeId));
    }

    [Fact]
    public void A_terminate_end_event_inside_ends_only_the_sub_process_which_then_completes()
    {
        var host = new RuntimeHarness("Runtime/sub-process-terminate.bpmn");
        host.Start();
        Assert.Equal(["Task_A", "Task_B"], host.State.Tasks.Select(t => t.NodeId));

        host.CompleteTask("Task_B");

        Assert.Equal(["Sub_Terminate", "Task_After"], host.Entered());
        Assert.Equal(["Task_A"], host.Effects<TaskCancelled>().Select(t => t.NodeId));
        Assert.Empty(host.Effects<InstanceTerminated>());
        Assert.Equal(InstanceStatus.Running, host.State.Status);
        Assert.Equal(["Task_After"], host.State.Tasks.Select(t => t.NodeId));
    }

    [Fact]
    public void A_sub_process_state_survives_a_round_trip_through_json()
    {
        var host = new RuntimeHarness("Runtime/sub-process.bpmn");
        host.Start(new { caseId = "C-1" });
        var json = InstanceStateJson.Serialize(host.State);
        Assert.Equal(2, json.Split("\"Scope\":").Length - 1); // the two tasks' tokens; a token outside writes no scope
        host.Load(InstanceStateJson.Deserialize(json));

        host.CompleteTask("Task_A");
        host.CompleteTask("Task_B");

        Assert.Equal(["Task_After"], host.State.Tasks.Select(t => t.NodeId));
    }
}

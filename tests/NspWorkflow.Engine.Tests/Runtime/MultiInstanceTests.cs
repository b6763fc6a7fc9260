using System.Text.Json;
using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Multi-instance user tasks and call activities (BPMN 2.0 §13.3.7): one instance per item of a list variable, all at
/// once or one after another; the activity completes when all have, or when its completion condition holds, and its
/// boundary events act on every open instance.
/// </summary>
public sealed class MultiInstanceTests
{
    private static readonly string[] Shelters = ["north", "south", "east"];

    [Fact]
    public void A_parallel_task_opens_one_task_per_item_and_completes_when_its_completion_condition_holds()
    {
        var host = new RuntimeHarness("Runtime/multi-instance.bpmn");
        host.Start(new { shelters = Shelters, condition = "go" });

        // The activity's body, then its three instances.
        Assert.Equal(["StartEvent_1", "Task_Review", "Task_Review", "Task_Review", "Task_Review"], host.Entered());
        Assert.Equal([("north", 0), ("south", 1), ("east", 2)], host.State.Tasks.Select(t => (t.Item!.Value.GetString(), t.LoopCounter!.Value)));
        Assert.Equal(3, host.Effects<TaskCreated>().Count);
        Assert.Equal(["Boundary_Late"], host.State.Timers.Select(t => t.NodeId));

        host.Apply(host.Runner.CompleteTask(host.Definition, host.State, host.State.Tasks[1].TaskId, "done", null, "karin"));
        Assert.Equal(2, host.State.Tasks.Length);
        Assert.Contains(host.Last.Journal, j => j is { NodeId: "Task_Review", Kind: JournalKind.Left, Detail: "instance 2 of 3" });

        var east = host.State.Tasks.Single(t => t.Item!.Value.GetString() == "east").TaskId;
        host.Apply(host.Runner.CompleteTask(host.Definition, host.State, host.State.Tasks[0].TaskId, "done", null, "karin"));

        // Two of three completed: the condition holds, the third task is withdrawn with the activity's timer.
        Assert.Equal([east], host.Effects<TaskCancelled>().Select(c => c.TaskId));
        Assert.Equal(["Boundary_Late"], host.Effects<TimerCancelled>().Select(t => t.NodeId));
        Assert.Equal(["End_Done"], host.Entered());
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Null(host.State.Loops);
    }

    [Fact]
    public void Without_its_condition_holding_the_activity_waits_for_every_instance()
    {
        var host = new RuntimeHarness("Runtime/multi-instance.bpmn");
        host.Start(new { shelters = new[] { "north", "south" }, condition = "go" });

        host.Apply(host.Runner.CompleteTask(host.Definition, host.State, host.State.Tasks[0].TaskId, null, null, "karin"));
        Assert.Equal(InstanceStatus.Running, host.State.Status);
        Assert.Equal("south", Assert.Single(host.State.Tasks).Item!.Value.GetString());

        host.CompleteTask("Task_Review");
        Assert.Equal(["End_Done"], host.Entered());
        Assert.Empty(host.Effects<TaskCancelled>());
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void The_activity_s_interrupting_boundary_timer_withdraws_every_open_instance()
    {
        var host = new RuntimeHarness("Runtime/multi-instance.bpmn");
        host.Start(new { shelters = Shelters });

        host.FireTimer("Boundary_Late");

        Assert.Equal(3, host.Effects<TaskCancelled>().Count);
        Assert.Equal(["Boundary_Late", "End_Late"], host.Entered());
        Assert.Empty(host.State.Tasks);
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void An_empty_list_runs_no_instance_and_the_activity_is_done_at_once()
    {
        var host = new RuntimeHarness("Runtime/multi-instance.bpmn");
        host.Start(new { shelters = Array.Empty<string>() });

        Assert.Equal(["StartEvent_1", "Task_Review", "End_Done"], host.Entered());
        Assert.Empty(host.Effects<TaskCreated>());
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_collection_that_is_not_a_list_is_an_incident_naming_it()
    {
        var host = new RuntimeHarness("Runtime/multi-instance.bpmn");
        host.Start(new { shelters = "north" });

        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Task_Review", incident.ElementId);
        Assert.Equal("The multi-instance user task 'Task_Review' repeats over 'shelters', which is not a list variable of the instance.", incident.Message);

        host.Retry(new { shelters = new[] { "north" } });
        Assert.Equal("north", Assert.Single(host.State.Tasks).Item!.Value.GetString());
    }

    [Fact]
    public void A_failing_completion_condition_stops_the_instance_and_a_retry_counts_it_again()
    {
        var host = new RuntimeHarness("Runtime/multi-instance.bpmn");
        host.Start(new { shelters = new[] { "north", "south", "east" } });
        var definition = host.Definition;

        // 'condition' is not defined: reading it throws in strict JavaScript only after the first clause is false.
        host.Apply(host.Runner.CompleteTask(definition, host.State, host.State.Tasks[0].TaskId, null, null, "karin"));

        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Task_Review", incident.ElementId);
        Assert.StartsWith("The completion condition of 'Task_Review' failed:", incident.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.State.Tasks.Length);

        host.Retry(new { condition = "stop" });

        Assert.Equal(2, host.Effects<TaskCancelled>().Count);
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_sequential_call_runs_one_child_per_item_in_turn_and_gathers_each_output_in_its_place()
    {
        var host = new RuntimeHarness("Runtime/multi-instance.bpmn", "sequential");
        host.Start(new { cases = new[] { "C-1", "C-2" }, region = "north" });

        var first = Assert.Single(host.Effects<ChildRequested>());
        Assert.Equal(("C-1", 0, "north"), (first.Variables["caseId"].GetString(), first.Variables["loopCounter"].GetInt32(), first.Variables["region"].GetString()));
        Assert.Equal("[null,null]", host.State.Variables["results"].GetRawText());

        host.Apply(host.Runner.CompleteChild(host.Definition, host.State, first.ChildInstanceId, Child(new { result = "approved" })));

        var second = Assert.Single(host.Effects<ChildRequested>());
        Assert.Equal(("C-2", 1), (second.Variables["caseId"].GetString(), second.Variables["loopCounter"].GetInt32()));
        Assert.Equal("[\"approved\",null]", host.State.Variables["results"].GetRawText());

        host.Apply(host.Runner.CompleteChild(host.Definition, host.State, second.ChildInstanceId, Child(new { result = "rejected" })));

        Assert.Equal("[\"approved\",\"rejected\"]", host.State.Variables["results"].GetRawText());
        Assert.Equal(["S_End"], host.Entered());
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_running_multi_instance_activity_survives_a_round_trip_through_json()
    {
        var host = new RuntimeHarness("Runtime/multi-instance.bpmn", "sequential");
        host.Start(new { cases = new[] { "C-1", "C-2" }, region = "north" });
        host.Load(InstanceStateJson.Deserialize(InstanceStateJson.Serialize(host.State)));

        host.Apply(host.Runner.CompleteChild(host.Definition, host.State, host.State.Children[0].ChildInstanceId, Child(new { result = "ok" })));

        Assert.Equal("C-2", Assert.Single(host.Effects<ChildRequested>()).Variables["caseId"].GetString());
    }

    private static Dictionary<string, JsonElement> Child(object variables) =>
        JsonSerializer.SerializeToElement(variables).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
}

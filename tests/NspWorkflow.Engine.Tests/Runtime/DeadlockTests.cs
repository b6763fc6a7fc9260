using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>
/// A parallel join that can no longer be satisfied: once every token left waits at it, and nothing else waits, the instance
/// gets an incident naming the join and the flows it still waits for, instead of running on silently for ever.
/// </summary>
public sealed class DeadlockTests
{
    [Fact]
    public void A_join_fed_by_an_exclusive_split_becomes_an_incident_naming_the_join()
    {
        var host = new RuntimeHarness("Runtime/deadlock-exclusive-join.bpmn");
        host.Start(new { path = "a" });
        Assert.Equal(InstanceStatus.Running, host.State.Status);

        host.CompleteTask("Task_A");

        Assert.Equal(["Join"], host.Entered());
        Assert.Equal(InstanceStatus.Incident, host.State.Status);
        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Join", incident.ElementId);
        Assert.Contains("waits for 'Flow_B2'", incident.Message, StringComparison.Ordinal);
        Assert.Equal([("Join", TokenState.Incident)], host.State.Tokens.Select(t => (t.NodeId, t.State)));
        Assert.Contains(host.Last.Effects, e => e is IncidentRaised { ElementId: "Join" });

        // Retried unchanged, the join still cannot be satisfied: the incident comes back, naming it again.
        host.Retry();
        Assert.Equal("Join", Assert.Single(host.State.Incidents).ElementId);
        Assert.Equal(InstanceStatus.Incident, host.State.Status);
    }

    [Fact]
    public void A_boundary_flow_into_a_join_becomes_an_incident_once_the_other_branch_arrives()
    {
        var host = new RuntimeHarness("Runtime/deadlock-boundary-join.bpmn");
        host.Start();

        // The boundary timer interrupts Task_A and enters the join by its own flow; Task_B still waits, so nothing is wrong yet.
        host.FireTimer("Boundary_Late");
        Assert.Equal(InstanceStatus.Running, host.State.Status);
        Assert.Empty(host.State.Incidents);

        host.CompleteTask("Task_B");

        Assert.Equal(InstanceStatus.Incident, host.State.Status);
        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Join", incident.ElementId);
        Assert.Contains("waits for 'Flow_A2'", incident.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.State.Tokens.Length);
    }

    [Fact]
    public void A_join_whose_flows_all_arrive_is_no_deadlock()
    {
        var host = new RuntimeHarness("Runtime/deadlock-boundary-join.bpmn");
        host.Start();
        host.CompleteTask("Task_B");

        Assert.Equal(InstanceStatus.Running, host.State.Status);
        Assert.Empty(host.State.Incidents);
        Assert.Equal(TokenState.AtJoin, host.State.Tokens.Single(t => t.NodeId == "Join").State);
    }

    [Fact]
    public void A_loop_back_into_the_fork_leaves_a_token_the_join_cannot_match_and_becomes_an_incident()
    {
        var host = new RuntimeHarness("Runtime/deadlock-loop-fork.bpmn");
        host.Start();

        // Task_B loops back into the fork: a second Task_A and Task_B start beside the first Task_A.
        host.CompleteTask("Task_B", "again");
        Assert.Equal(2, host.State.Tasks.Count(t => t.NodeId == "Task_A"));

        host.Apply(host.Runner.CompleteTask(host.Definition, host.State, host.State.Tasks.First(t => t.NodeId == "Task_A").TaskId, null, null, "karin"));
        host.Apply(host.Runner.CompleteTask(host.Definition, host.State, host.State.Tasks.First(t => t.NodeId == "Task_A").TaskId, null, null, "karin"));
        Assert.Equal(InstanceStatus.Running, host.State.Status); // Task_B still runs: nothing is stuck yet

        host.CompleteTask("Task_B", "done");

        // The join fired once with one token of each flow; the second Task_A token waits for a Task_B that never comes.
        Assert.Equal(InstanceStatus.Incident, host.State.Status);
        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Join", incident.ElementId);
        Assert.Contains("waits for 'Flow_B3'", incident.Message, StringComparison.Ordinal);
    }
}

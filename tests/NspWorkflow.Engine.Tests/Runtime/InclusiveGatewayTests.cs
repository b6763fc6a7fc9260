using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>
/// The inclusive gateway of BPMN 2.0 §13.3.4. Split: every flow whose condition holds, else the default, else an incident;
/// a failing condition takes no flow. Join: an arriving token waits while another token can still reach an incoming flow
/// that has none, and the join fires once, also when that other token goes elsewhere.
/// </summary>
public sealed class InclusiveGatewayTests
{
    private static string[] Tasks(RuntimeHarness host) => [.. host.Effects<TaskCreated>().Select(t => t.NodeId)];

    private static JournalEntry[] LeftAt(RuntimeHarness host, string nodeId) =>
        [.. host.Last.Journal.Where(j => j.Kind == JournalKind.Left && j.NodeId == nodeId)];

    [Theory]
    [InlineData(true, true, new[] { "Task_A", "Task_B" }, "Flow_A, Flow_B")]
    [InlineData(true, false, new[] { "Task_A" }, "Flow_A")]
    [InlineData(false, true, new[] { "Task_B" }, "Flow_B")]
    [InlineData(false, false, new[] { "Task_C" }, "Flow_C")] // no condition holds: the default flow
    public void The_split_takes_every_flow_whose_condition_holds_else_the_default_and_the_join_fires_after_the_last(
        bool a, bool b, string[] expected, string taken)
    {
        var host = new RuntimeHarness("Runtime/inclusive-split.bpmn");

        host.Start(new { a, b });

        Assert.Equal(["StartEvent_1", "Split", .. expected], host.Entered());
        Assert.Equal(expected, Tasks(host));
        Assert.Equal(taken, Assert.Single(LeftAt(host, "Split")).Detail);
        // The first flow keeps the token that came in; each further flow has a token of its own.
        var startToken = host.Last.Journal.First(j => j.NodeId == "StartEvent_1").TokenId;
        Assert.Equal(startToken, host.State.Tokens.Single(t => t.NodeId == expected[0]).Id);
        Assert.Equal(expected.Length, host.State.Tokens.Select(t => t.Id).Distinct().Count());

        var joined = 0;
        foreach (var task in expected)
        {
            Assert.Equal(InstanceStatus.Running, host.State.Status);
            host.CompleteTask(task);
            joined += LeftAt(host, "Join").Length;
        }

        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Equal(["Join", "EndEvent_1"], host.Entered());
        Assert.Equal(expected.Length, joined); // every token left the join, once, in the last step
        Assert.Empty(host.State.Tokens);
        Assert.Contains(new InstanceCompleted(host.State.InstanceId), host.Last.Effects);
    }

    [Fact]
    public void The_join_waits_for_the_branch_still_at_its_task_and_then_merges_both_into_one_token()
    {
        var host = new RuntimeHarness("Runtime/inclusive-split.bpmn");
        host.Start(new { a = true, b = true });

        host.CompleteTask("Task_A");

        Assert.Equal(["Join"], host.Entered());
        var waiting = Assert.Single(host.State.Tokens, t => t.NodeId == "Join");
        Assert.Equal((TokenState.AtJoin, "Flow_A2"), (waiting.State, waiting.ArrivedVia));
        Assert.Equal("Task_B", Assert.Single(host.State.Tasks).NodeId);
        Assert.Equal(InstanceStatus.Running, host.State.Status);
        Assert.Empty(LeftAt(host, "Join"));

        host.Load(InstanceStateJson.Deserialize(InstanceStateJson.Serialize(host.State))); // the waiting join survives storage
        host.CompleteTask("Task_B");

        Assert.Equal(["Join", "EndEvent_1"], host.Entered());
        Assert.Equal([(waiting.Id, "joined"), (host.Last.Journal[0].TokenId, "Flow_2")],
            LeftAt(host, "Join").Select(j => (j.TokenId, j.Detail)));
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_failing_condition_is_an_incident_at_the_split_that_takes_no_flow_even_where_a_condition_held()
    {
        var host = new RuntimeHarness("Runtime/inclusive-split.bpmn");

        host.Start(new { a = true }); // 'b' is not defined; Flow_A's condition holds

        Assert.Equal(["StartEvent_1", "Split"], host.Entered());
        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Split", incident.ElementId);
        Assert.Contains("'Flow_B'", incident.Message, StringComparison.Ordinal);
        Assert.Equal(new IncidentRaised(incident.TokenId, "Split", incident.Message), Assert.Single(host.Last.Effects));
        Assert.Equal([("Split", TokenState.Incident)], host.State.Tokens.Select(t => (t.NodeId, t.State)));
        Assert.Empty(host.State.Tasks);
        Assert.Empty(LeftAt(host, "Split"));
        Assert.Equal(InstanceStatus.Incident, host.State.Status);

        host.Retry(new { b = true });

        Assert.Equal(["Split", "Task_A", "Task_B"], host.Entered());
        Assert.Empty(host.State.Incidents);
        Assert.Equal(InstanceStatus.Running, host.State.Status);
    }

    [Fact]
    public void A_condition_that_gives_no_boolean_is_an_incident_that_does_not_quote_the_value()
    {
        var host = new RuntimeHarness("Runtime/inclusive-split.bpmn");

        host.Start(new { a = true, b = 4711 });

        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Split", incident.ElementId);
        Assert.Contains("a number instead of true or false", incident.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4711", incident.Message, StringComparison.Ordinal);
        Assert.Empty(host.State.Tasks);
    }

    [Fact]
    public void No_condition_holding_and_no_default_is_an_incident_and_a_retry_with_the_variable_fixed_goes_on()
    {
        // Validation refuses this gateway; the runtime must still stop cleanly on such a definition.
        var host = new RuntimeHarness("Runtime/inclusive-no-default.bpmn", validate: false);

        host.Start(new { decision = "maybe" });

        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Split", incident.ElementId);
        Assert.Equal("No condition of gateway 'Split' holds and it has no default flow.", incident.Message);
        Assert.Equal(InstanceStatus.Incident, host.State.Status);

        host.Retry(new { decision = "no" });

        Assert.Equal(["Split", "End_No"], host.Entered());
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Theory]
    [InlineData("Task_Quick", "Task_Slow")]
    [InlineData("Task_Slow", "Task_Quick")]
    public void A_join_waits_for_a_task_upstream_and_fires_once_when_it_arrives(string first, string second)
    {
        var host = new RuntimeHarness("Runtime/inclusive-join-wait.bpmn");
        host.Start();

        host.CompleteTask(first, "approved");

        Assert.Equal(first == "Task_Quick" ? ["Join"] : ["Check", "Join"], host.Entered());
        Assert.Equal(TokenState.AtJoin, Assert.Single(host.State.Tokens, t => t.NodeId == "Join").State);
        Assert.Equal(second, Assert.Single(host.State.Tasks).NodeId);
        Assert.Equal(InstanceStatus.Running, host.State.Status);

        host.CompleteTask(second, "approved");

        Assert.Equal(second == "Task_Quick" ? ["Join", "Task_After"] : ["Check", "Join", "Task_After"], host.Entered());
        Assert.Equal(["Task_After"], Tasks(host));
        Assert.Equal(2, LeftAt(host, "Join").Length); // one joined, one went on
        Assert.Equal([("Task_After", TokenState.Waiting)], host.State.Tokens.Select(t => (t.NodeId, t.State)));

        host.CompleteTask("Task_After");
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Theory]
    [InlineData(true, true, new[] { "StartEvent_1", "Split", "Send_A", "Join", "Join", "Task_After" })]
    [InlineData(true, false, new[] { "StartEvent_1", "Split", "Send_A", "Join", "Task_After" })]
    [InlineData(false, false, new[] { "StartEvent_1", "Split", "Join", "Task_After" })]
    public void Tokens_arriving_in_one_step_are_joined_into_one_and_the_join_does_not_wait_for_flows_not_taken(bool a, bool b, string[] entered)
    {
        var host = new RuntimeHarness("Runtime/inclusive-join-same-step.bpmn");

        host.Start(new { a, b, notify = false });

        // With both: the token on Flow_B arrives first and waits, since the other is still queued for Flow_A2.
        Assert.Equal(entered, host.Entered());
        Assert.Equal(["Task_After"], Tasks(host));
        Assert.Equal([("Task_After", TokenState.Waiting)], host.State.Tokens.Select(t => (t.NodeId, t.State)));
        Assert.Equal(a && b ? ["joined", "Flow_After"] : ["Flow_After"], LeftAt(host, "Join").Select(j => j.Detail));
    }

    [Fact]
    public void The_merged_token_splits_by_the_conditions_of_the_join()
    {
        var host = new RuntimeHarness("Runtime/inclusive-join-same-step.bpmn");

        host.Start(new { a = true, b = true, notify = true });

        Assert.Equal(["StartEvent_1", "Split", "Send_A", "Join", "Join", "Send_Notify", "End_Notified"], host.Entered());
        Assert.Equal("Flow_Notify", LeftAt(host, "Join").Last().Detail); // the default is not taken when a condition holds
        Assert.Empty(host.State.Tasks);
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_failing_condition_after_the_join_stops_the_arriving_token_there_and_a_retry_joins_again()
    {
        var host = new RuntimeHarness("Runtime/inclusive-join-same-step.bpmn");

        host.Start(new { a = true, b = true }); // 'notify' is not defined

        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Join", incident.ElementId);
        Assert.Contains("'Flow_Notify'", incident.Message, StringComparison.Ordinal);
        Assert.Empty(LeftAt(host, "Join")); // nothing joined, nothing taken
        Assert.Equal([("Flow_A2", TokenState.Incident), ("Flow_B", TokenState.AtJoin)],
            host.State.Tokens.Select(t => (t.ArrivedVia!, t.State)).Order());
        Assert.Empty(host.State.Tasks);
        Assert.Equal(InstanceStatus.Incident, host.State.Status);

        host.Retry(new { notify = false });

        Assert.Equal(["Join", "Task_After"], host.Entered());
        Assert.Equal(["joined", "Flow_After"], LeftAt(host, "Join").Select(j => j.Detail));
        Assert.Equal([("Task_After", TokenState.Waiting)], host.State.Tokens.Select(t => (t.NodeId, t.State)));
        Assert.Equal(InstanceStatus.Running, host.State.Status);
    }

    [Fact]
    public void A_waiting_join_fires_without_the_upstream_token_once_it_goes_elsewhere()
    {
        var host = new RuntimeHarness("Runtime/inclusive-join-wait.bpmn");
        host.Start();
        host.CompleteTask("Task_Quick");
        var waiting = Assert.Single(host.State.Tokens, t => t.NodeId == "Join");

        host.CompleteTask("Task_Slow", "withdrawn");

        // The slow branch ends; no token can reach Flow_Check_Join any more, so the join goes on with the token it has,
        // in the same step (it was entered in the step before).
        Assert.Equal(["Check", "End_Withdrawn", "Task_After"], host.Entered());
        Assert.Equal((waiting.Id, "Flow_After"), (LeftAt(host, "Join").Single().TokenId, LeftAt(host, "Join").Single().Detail));
        Assert.Equal(["Task_After"], Tasks(host));
        Assert.Equal([("Task_After", waiting.Id)], host.State.Tokens.Select(t => (t.NodeId, t.Id)));
        Assert.Equal(InstanceStatus.Running, host.State.Status);
    }

    [Fact]
    public void A_token_arriving_after_the_other_branch_ended_goes_straight_through()
    {
        var host = new RuntimeHarness("Runtime/inclusive-join-wait.bpmn");
        host.Start();
        host.CompleteTask("Task_Slow", "withdrawn");
        Assert.Equal(["Check", "End_Withdrawn"], host.Entered());

        host.CompleteTask("Task_Quick");

        Assert.Equal(["Join", "Task_After"], host.Entered());
        Assert.Equal(["Task_After"], Tasks(host));
    }

    [Fact]
    public void A_join_waits_for_a_task_whose_boundary_event_leads_to_it_and_joins_the_escalation()
    {
        var host = new RuntimeHarness("Runtime/inclusive-join-boundary.bpmn");
        host.Start();

        host.CompleteTask("Task_Main");

        // Task_Watch reaches the join only through its boundary timer; that is enough to wait for it.
        Assert.Equal(["Join"], host.Entered());
        Assert.Equal(TokenState.AtJoin, Assert.Single(host.State.Tokens, t => t.NodeId == "Join").State);
        Assert.Empty(host.Effects<TaskCreated>());

        host.FireTimer("Boundary_Escalate");

        Assert.Equal(["Boundary_Escalate", "Join", "Task_After"], host.Entered());
        Assert.Contains(host.Last.Effects, e => e is TaskCancelled { NodeId: "Task_Watch" });
        Assert.Equal(2, LeftAt(host, "Join").Length);
        Assert.Equal(["Task_After"], Tasks(host));
        Assert.Single(host.State.Tokens);
    }

    [Fact]
    public void A_task_completing_without_its_boundary_event_releases_the_join()
    {
        var host = new RuntimeHarness("Runtime/inclusive-join-boundary.bpmn");
        host.Start();
        host.CompleteTask("Task_Main");

        host.CompleteTask("Task_Watch");

        Assert.Equal(["End_Watch", "Task_After"], host.Entered());
        Assert.Contains(host.Last.Effects, e => e is TimerCancelled { NodeId: "Boundary_Escalate" });
        Assert.Equal(["Task_After"], Tasks(host));
        Assert.Empty(host.State.Timers);
    }

    [Fact]
    public void Inclusive_joins_that_wait_for_each_other_become_incidents_naming_each_join()
    {
        var host = new RuntimeHarness("Runtime/inclusive-deadlock.bpmn");

        host.Start(new { again = false });

        Assert.Equal(InstanceStatus.Incident, host.State.Status);
        Assert.Equal([("Join_1", "Flow_21"), ("Join_2", "Flow_12")],
            host.State.Incidents.Select(i => (i.ElementId, i.Message.Contains("'Flow_21'", StringComparison.Ordinal) ? "Flow_21" : "Flow_12")).Order());
        Assert.All(host.State.Incidents, i => Assert.Contains("inclusive join", i.Message, StringComparison.Ordinal));
        Assert.All(host.State.Tokens, t => Assert.Equal(TokenState.Incident, t.State));

        host.Retry(); // nothing changed: the same two incidents again
        Assert.Equal(["Join_1", "Join_2"], host.State.Incidents.Select(i => i.ElementId).Order());
    }

    [Fact]
    public void An_inclusive_split_into_a_parallel_join_that_takes_one_branch_is_a_deadlock_incident_at_the_join()
    {
        var host = new RuntimeHarness("Runtime/inclusive-parallel-join.bpmn");
        host.Start(new { a = true, b = false });
        Assert.Equal(["Task_A"], Tasks(host));

        host.CompleteTask("Task_A");

        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Join", incident.ElementId);
        Assert.Contains("parallel join", incident.Message, StringComparison.Ordinal);
        Assert.Contains("waits for 'Flow_B2'", incident.Message, StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Incident, host.State.Status);
    }

    [Fact]
    public void An_inclusive_split_into_a_parallel_join_that_takes_both_branches_completes()
    {
        var host = new RuntimeHarness("Runtime/inclusive-parallel-join.bpmn");
        host.Start(new { a = true, b = true });

        host.CompleteTask("Task_B");
        Assert.Equal(InstanceStatus.Running, host.State.Status);
        host.CompleteTask("Task_A");

        Assert.Equal(["Join", "EndEvent_1"], host.Entered());
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_token_that_can_also_reach_a_flow_with_a_token_does_not_hold_the_join_back()
    {
        // BPMN 2.0 §13.3.4: Task_B's token can reach the join's empty flow (by the default) but also, by the loop back to
        // Task_A, the flow that already has a token; so the join fires now, and again when Task_B's token comes.
        var host = new RuntimeHarness("Runtime/inclusive-join-loop.bpmn");
        host.Start();

        host.CompleteTask("Task_A");
        Assert.Equal(["Join", "Task_After"], host.Entered());

        host.CompleteTask("Task_B", "done");
        Assert.Equal(["Choice", "Join", "Task_After"], host.Entered());
        Assert.Equal(2, host.State.Tasks.Count(t => t.NodeId == "Task_After"));
    }
}

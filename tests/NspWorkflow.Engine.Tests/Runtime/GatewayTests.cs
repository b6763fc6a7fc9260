using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

public class GatewayTests
{
    [Fact]
    public void A_sequence_waits_at_the_user_task_and_completes_after_it()
    {
        var host = new RuntimeHarness("Runtime/sequence.bpmn");

        host.Start();

        Assert.Equal(InstanceStatus.Running, host.State.Status);
        Assert.Equal(["StartEvent_1", "Task_Review"], host.Entered());
        var created = Assert.Single(host.Effects<TaskCreated>());
        Assert.Equal(new TaskCreated(host.Task("Task_Review").TaskId, "Task_Review", "coordinator", "review", RuntimeHarness.T0.AddDays(5), "task-assigned"), created);
        var token = Assert.Single(host.State.Tokens);
        Assert.Equal(("Task_Review", TokenState.Waiting), (token.NodeId, token.State));

        host.CompleteTask("Task_Review", "approved", new { note = "fine" });

        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Empty(host.State.Tokens);
        Assert.Empty(host.State.Tasks);
        Assert.Equal("approved", host.State.Variables["outcome"].GetString());
        Assert.Equal("fine", host.State.Variables["note"].GetString());
        Assert.Equal<EngineEffect>([new InstanceCompleted(host.State.InstanceId)], host.Last.Effects);
        Assert.Contains(host.Last.Journal, j => j is { Kind: JournalKind.TaskCompleted, NodeId: "Task_Review", Detail: "approved", Actor: "alice" });
    }

    [Fact]
    public void Completing_a_task_twice_is_TaskNotActive_and_changes_nothing()
    {
        var host = new RuntimeHarness("Runtime/sequence.bpmn");
        host.Start();
        var taskId = host.Task("Task_Review").TaskId;
        var waiting = host.State;
        host.CompleteTask("Task_Review");

        var again = host.Runner.CompleteTask(host.Definition, host.State, taskId, null, null, "bob");
        var stale = host.Runner.CompleteTask(host.Definition, waiting, Guid.NewGuid(), null, null, "bob");

        Assert.Equal(StepErrorKind.TaskNotActive, again.Error?.Kind);
        Assert.Same(host.State, again.NewState);
        Assert.Empty(again.Effects);
        Assert.Equal(StepErrorKind.TaskNotActive, stale.Error?.Kind);
    }

    [Theory]
    [InlineData(7, "End_First")] // both conditions hold: the first in document order wins
    [InlineData(3, "End_First")]
    [InlineData(-1, "End_Default")]
    public void Exclusive_gateway_takes_the_first_true_condition_in_document_order_else_the_default(int amount, string end)
    {
        var host = new RuntimeHarness("Runtime/exclusive.bpmn");

        host.Start(new { amount });

        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Equal(["StartEvent_1", "Gateway_1", end], host.Entered());
    }

    [Fact]
    public void A_failing_condition_is_an_incident_at_the_gateway_and_retry_with_the_variable_fixed_continues()
    {
        var host = new RuntimeHarness("Runtime/exclusive.bpmn");

        host.Start(new { other = 1 }); // 'amount' is not defined

        Assert.Equal(InstanceStatus.Incident, host.State.Status);
        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Gateway_1", incident.ElementId);
        Assert.Contains("Flow_First", incident.Message);
        Assert.Equal(new IncidentRaised(incident.TokenId, "Gateway_1", incident.Message), Assert.Single(host.Last.Effects));
        Assert.Equal(("Gateway_1", TokenState.Incident), (host.State.Tokens.Single().NodeId, host.State.Tokens.Single().State));

        host.Retry(new { amount = 9 });

        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Empty(host.State.Incidents);
        Assert.Equal(["Gateway_1", "End_First"], host.Entered());
    }

    [Fact]
    public void No_true_condition_and_no_default_is_an_incident_and_retry_after_fixing_variables_takes_the_path()
    {
        // Validation rejects this gateway; the runtime must still stop cleanly on such a definition.
        var host = new RuntimeHarness("Runtime/exclusive-no-default.bpmn", validate: false);

        host.Start(new { decision = "maybe" });

        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Gateway_1", incident.ElementId);
        Assert.Contains("no default flow", incident.Message);
        Assert.Equal(InstanceStatus.Incident, host.State.Status);

        var noChange = host.Runner.RetryIncident(host.Definition, host.State);
        Assert.True(noChange.Succeeded); // the retry runs, fails again, and says so
        Assert.Single(noChange.NewState.Incidents);

        host.Retry(new { decision = "no" });

        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Equal(["Gateway_1", "End_No"], host.Entered());
        Assert.Equal(StepErrorKind.NoIncident, host.Runner.RetryIncident(host.Definition, host.State).Error?.Kind);
    }

    [Theory]
    [InlineData("Task_A", "Task_B")]
    [InlineData("Task_B", "Task_A")]
    public void Parallel_gateway_forks_and_the_join_waits_for_every_incoming_flow(string first, string second)
    {
        var host = new RuntimeHarness("Runtime/parallel.bpmn");
        host.Start();
        Assert.Equal(["Task_A", "Task_B"], host.Effects<TaskCreated>().Select(t => t.NodeId));
        Assert.Equal(2, host.State.Tokens.Length);

        host.CompleteTask(first);

        Assert.Empty(host.Effects<TaskCreated>());
        var atJoin = Assert.Single(host.State.Tokens, t => t.NodeId == "Join");
        Assert.Equal(TokenState.AtJoin, atJoin.State);
        Assert.Equal(first == "Task_A" ? "Flow_A2" : "Flow_B2", atJoin.ArrivedVia);
        Assert.Equal(InstanceStatus.Running, host.State.Status);

        host.CompleteTask(second);

        Assert.Equal("Task_C", Assert.Single(host.Effects<TaskCreated>()).NodeId);
        Assert.Equal("Task_C", Assert.Single(host.State.Tokens).NodeId);
        host.CompleteTask("Task_C");
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }
}

using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Throwing a message (message-throw.bpmn): "thrower" throws report-filed at an intermediate throw event, goes on to a
/// review task, passes a none throw event (a milestone) and ends at a message end event that throws case-closed;
/// "receiver" waits for report-filed at a receive task and for case-closed at a catch event. The runner announces each
/// throw with the key computed from the thrower's variables; the harness plays the host and delivers it.
/// </summary>
public sealed class MessageThrowTests
{
    private const string File = "Runtime/message-throw.bpmn";

    [Fact]
    public void An_intermediate_throw_event_announces_its_message_with_the_thrower_s_key_and_goes_on()
    {
        var host = new RuntimeHarness(File, "thrower");
        host.Start(new { caseId = "c-1" });

        Assert.Equal(["StartEvent_T", "Throw_Filed", "Task_Review"], host.Entered());
        Assert.Equal(new MessageThrown("Throw_Filed", "report-filed", "c-1"), Assert.Single(host.Effects<MessageThrown>()));
        var token = Assert.Single(host.State.Tokens);
        Assert.Equal(("Task_Review", TokenState.Waiting), (token.NodeId, token.State));
        Assert.Equal("Task_Review", Assert.Single(host.Effects<TaskCreated>()).NodeId);
        Assert.Equal(InstanceStatus.Running, host.State.Status);
        // Throwing waits for nobody: no subscription, and the throw event was left in the same step.
        Assert.Empty(host.State.Messages);
        Assert.Equal(
            [("Throw_Filed", JournalKind.Entered), ("Throw_Filed", JournalKind.Left)],
            host.Last.Journal.Where(j => j.NodeId == "Throw_Filed").Select(j => (j.NodeId, j.Kind)));
    }

    [Fact]
    public void A_none_throw_event_passes_the_token_on_and_a_message_end_event_throws_as_its_token_ends()
    {
        var host = new RuntimeHarness(File, "thrower");
        host.Start(new { caseId = "c-1" });

        host.CompleteTask("Task_Review", "done");

        Assert.Equal(["Milestone_Reviewed", "End_Closed"], host.Entered());
        Assert.Equal(new MessageThrown("End_Closed", "case-closed", "c-1"), Assert.Single(host.Effects<MessageThrown>()));
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Empty(host.State.Tokens);
        Assert.Single(host.Effects<InstanceCompleted>());
        Assert.Contains(host.Last.Journal, j => j is { NodeId: "End_Closed", Kind: JournalKind.Left });
        // The message is thrown before the instance completes.
        var effects = host.Last.Effects.ToList();
        Assert.True(effects.FindIndex(e => e is MessageThrown) < effects.FindIndex(e => e is InstanceCompleted));
    }

    [Theory]
    [InlineData("c-1")]
    [InlineData(42.0)]
    [InlineData(true)]
    public void The_thrown_key_is_the_key_a_receiver_with_the_same_variables_subscribes_with_and_resumes_it(object caseId)
    {
        var thrower = new RuntimeHarness(File, "thrower");
        var receiver = new RuntimeHarness(File, "receiver");
        receiver.Start(new { caseId });
        thrower.Start(new { caseId });

        var filed = Assert.Single(thrower.Effects<MessageThrown>());
        Assert.Equal(Assert.Single(receiver.State.Messages).CorrelationKey, filed.CorrelationKey);
        receiver.Deliver(filed.MessageName, filed.CorrelationKey);
        Assert.Equal(["Catch_Closed"], receiver.Entered());

        thrower.CompleteTask("Task_Review");
        var closed = Assert.Single(thrower.Effects<MessageThrown>());
        receiver.Deliver(closed.MessageName, closed.CorrelationKey);
        Assert.Equal(["End_R"], receiver.Entered());
        Assert.Equal(InstanceStatus.Completed, receiver.State.Status);
    }

    [Fact]
    public void A_key_that_fails_is_an_incident_at_the_throw_event_which_throws_nothing_and_a_retry_with_the_key_throws()
    {
        var host = new RuntimeHarness(File, "thrower");
        host.Start(new { other = 1 });

        Assert.Equal(["StartEvent_T", "Throw_Filed"], host.Entered());
        Assert.Empty(host.Effects<MessageThrown>());
        Assert.Empty(host.State.Tasks);
        Assert.Equal(InstanceStatus.Incident, host.State.Status);
        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Throw_Filed", incident.ElementId);
        Assert.Contains("correlation key of message 'report-filed'", incident.Message, StringComparison.Ordinal);
        Assert.Equal([("Throw_Filed", TokenState.Incident)], host.State.Tokens.Select(t => (t.NodeId, t.State)));
        Assert.DoesNotContain(host.Last.Journal, j => j is { NodeId: "Throw_Filed", Kind: JournalKind.Left });

        host.Retry(new { caseId = "c-2" });

        Assert.Equal(new MessageThrown("Throw_Filed", "report-filed", "c-2"), Assert.Single(host.Effects<MessageThrown>()));
        Assert.Equal(["Throw_Filed", "Task_Review"], host.Entered());
        Assert.Empty(host.State.Incidents);
        Assert.Equal(InstanceStatus.Running, host.State.Status);
    }

    [Fact]
    public void A_key_that_is_no_value_at_the_message_end_event_is_an_incident_there_and_the_instance_does_not_complete()
    {
        var host = new RuntimeHarness(File, "thrower");
        host.Start(new { caseId = "c-1" });

        host.CompleteTask("Task_Review", null, new Dictionary<string, object?> { ["caseId"] = null });

        Assert.Equal(["Milestone_Reviewed", "End_Closed"], host.Entered());
        Assert.Empty(host.Effects<MessageThrown>());
        Assert.Empty(host.Effects<InstanceCompleted>());
        Assert.Equal(InstanceStatus.Incident, host.State.Status);
        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("End_Closed", incident.ElementId);
        Assert.Contains("gave no string, number, boolean or date", incident.Message, StringComparison.Ordinal);
        Assert.Equal([("End_Closed", TokenState.Incident)], host.State.Tokens.Select(t => (t.NodeId, t.State)));

        host.Retry(new { caseId = "c-1" });

        Assert.Equal(new MessageThrown("End_Closed", "case-closed", "c-1"), Assert.Single(host.Effects<MessageThrown>()));
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_key_error_does_not_quote_the_variable_s_value()
    {
        var host = new RuntimeHarness(File, "thrower");
        host.Start(new { caseId = new Dictionary<string, object?> { ["name"] = "Anna Andersson" } });

        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Throw_Filed", incident.ElementId);
        Assert.DoesNotContain("Anna", incident.Message, StringComparison.Ordinal);
    }
}

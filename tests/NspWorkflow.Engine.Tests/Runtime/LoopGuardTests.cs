using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>A definition that loops without ever waiting must stop with an incident, not hang the step.</summary>
public sealed class LoopGuardTests
{
    [Fact]
    public void A_loop_without_a_wait_state_ends_in_an_incident_and_the_instance_can_be_repaired()
    {
        var host = new RuntimeHarness("Runtime/loop-without-wait.bpmn");

        host.Start(new { again = true });

        Assert.Equal(InstanceStatus.Incident, host.State.Status);
        var incident = Assert.Single(host.State.Incidents);
        Assert.Contains(incident.ElementId, new[] { "Gateway_Again", "Send_Notice" });
        // The send task ran thousands of times before the guard stopped it; the coordinator gets its mail once.
        Assert.True(host.Last.Journal.Count(j => j.NodeId == "Send_Notice" && j.Kind == JournalKind.Entered) > 1000);
        Assert.Equal("Send_Notice", Assert.Single(host.Effects<MailRequested>()).NodeId);

        // Once the variable that drove the loop is corrected, a retry takes the default flow to the end.
        host.Retry(new { again = false });

        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void The_same_definition_without_the_loop_runs_to_its_end()
    {
        var host = new RuntimeHarness("Runtime/loop-without-wait.bpmn");

        host.Start(new { again = false });

        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Empty(host.Effects<MailRequested>());
    }
}

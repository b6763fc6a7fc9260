using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>
/// A <c>timeCycle</c> written as an expression (<c>=reminders</c>): the cycle it gives repeats on a non-interrupting
/// boundary as a written one does, keeps its interval in the stored state, and is an incident where nothing may repeat.
/// </summary>
public sealed class ExpressionCycleTests
{
    [Fact]
    public void A_cycle_given_by_an_expression_repeats_its_interval_as_often_as_it_says_also_after_a_reload()
    {
        var host = new RuntimeHarness("Runtime/expression-cycle.bpmn", "Process_Reminders");
        host.Start(new { reminders = "R2/PT12H" });

        Assert.Equal(RuntimeHarness.T0.AddHours(12), host.Timer("Boundary_Remind").DueAt);
        host.FireTimer("Boundary_Remind");
        Assert.Single(host.Effects<MailRequested>());

        // The interval is not in the definition, so it must survive the state's JSON as the store keeps it.
        host.Load(InstanceStateJson.Deserialize(InstanceStateJson.Serialize(host.State)));
        Assert.Equal(RuntimeHarness.T0.AddHours(24), host.Timer("Boundary_Remind").DueAt);
        host.FireTimer("Boundary_Remind");

        Assert.Single(host.Effects<MailRequested>());
        Assert.Empty(host.Effects<TimerScheduled>());
        Assert.Empty(host.State.Timers);
        host.CompleteTask("Task_Work");
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_cycle_expression_that_gives_a_duration_fires_once()
    {
        var host = new RuntimeHarness("Runtime/expression-cycle.bpmn", "Process_Reminders");
        host.Start(new { reminders = "P1D" });

        Assert.Equal(RuntimeHarness.T0.AddDays(1), host.Timer("Boundary_Remind").DueAt);
        host.FireTimer("Boundary_Remind");

        Assert.Single(host.Effects<MailRequested>());
        Assert.Empty(host.State.Timers);
    }

    [Fact]
    public void A_timer_state_without_a_cycle_interval_is_stored_as_before()
    {
        var host = new RuntimeHarness("Runtime/cycle.bpmn");
        host.Start();

        Assert.DoesNotContain("Interval", InstanceStateJson.Serialize(host.State));
        Assert.Null(host.Timer("Boundary_Daily").Interval);
    }

    [Theory]
    [InlineData("R2/PT12H", "only a non-interrupting boundary event may repeat")]
    [InlineData("R0/P1D", "is not a cycle such as R3/P1D")]
    [InlineData("Rebecka", "is not a cycle such as R3/P1D")]
    public void A_cycle_where_none_can_run_is_an_incident_on_the_boundary_and_the_task_waits_for_a_retry(string reminders, string message)
    {
        var process = message.StartsWith("only", StringComparison.Ordinal) ? "Process_Deadline" : "Process_Reminders";
        var host = new RuntimeHarness("Runtime/expression-cycle.bpmn", process);
        var (task, boundary) = process == "Process_Deadline" ? ("Task_Review", "Boundary_Deadline") : ("Task_Work", "Boundary_Remind");

        host.Start(new { reminders });

        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal(boundary, incident.ElementId);
        Assert.Contains(message, incident.Message, StringComparison.Ordinal);
        Assert.Empty(host.State.Tasks);
        Assert.Empty(host.State.Timers);

        host.Retry(new { reminders = "PT1H" });

        host.Task(task);
        Assert.Equal(RuntimeHarness.T0.AddHours(1), Assert.Single(host.State.Timers).DueAt);
    }
}

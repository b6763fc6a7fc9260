using System.Text.Json;
using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

public class ActivityTests
{
    private static readonly IServiceTaskHandler DoubleTotal = new DelegateHandler("double-total",
        c => c.SetVariable("result", c.Get<int>("total") * 2));

    [Fact]
    public void Call_activity_passes_inputs_in_outputs_out_and_resumes_when_the_child_ends()
    {
        var parent = new RuntimeHarness("Runtime/call.bpmn", "Process_1");
        parent.Start(new { caseId = "C-9", amount = 21, secret = "stays home" });

        var request = Assert.Single(parent.Effects<ChildRequested>());
        Assert.Equal(("Call_Child", "child"), (request.NodeId, request.CalledProcessId));
        Assert.Equal(["caseId", "total"], request.Variables.Keys);
        Assert.Equal(21, request.Variables["total"].GetInt32());
        Assert.Equal(request.ChildInstanceId, Assert.Single(parent.State.Children).ChildInstanceId);

        // The host starts the child with the requested id and variables.
        var childDefinition = parent.Document.FindProcess("child")!;
        var child = new WorkflowRunner(parent.Time, new SequentialIds(), [DoubleTotal]).Start(childDefinition,
            request.Variables.ToDictionary(kv => kv.Key, kv => (object?)kv.Value), new StartOptions("v1", request.ChildInstanceId, parent.State.InstanceId));
        Assert.True(child.Succeeded);
        Assert.Equal(InstanceStatus.Completed, child.NewState.Status);
        Assert.Equal((request.ChildInstanceId, parent.State.InstanceId), (child.NewState.InstanceId, child.NewState.ParentInstanceId));

        parent.Apply(parent.Runner.CompleteChild(parent.Definition, parent.State, request.ChildInstanceId, child.NewState.Variables));

        Assert.Equal(InstanceStatus.Completed, parent.State.Status);
        Assert.Equal(42, parent.State.Variables["result"].GetInt32());
        Assert.Equal(JsonValueKind.Null, parent.State.Variables["childNote"].ValueKind); // 'note' missing in the child
        Assert.Empty(parent.State.Children);
        Assert.Equal(StepErrorKind.NoSuchWait,
            parent.Runner.CompleteChild(parent.Definition, parent.State, request.ChildInstanceId, child.NewState.Variables).Error?.Kind);
    }

    [Fact]
    public void Service_task_handler_reads_and_sets_variables_and_send_task_requests_mail()
    {
        var handler = new DelegateHandler("compute", c =>
        {
            Assert.Equal("Service_Compute", c.NodeId);
            Assert.Equal(RuntimeHarness.T0, c.Now);
            c.SetVariable("days", c.Get<int>("base") + 1);
            c.SetVariable("checkedAt", c.Now);
        });
        var host = new RuntimeHarness("Runtime/service.bpmn", handlers: handler);

        host.Start(new { @base = 29 });

        Assert.Equal(["StartEvent_1", "Service_Compute", "Send_Notice", "Task_Check"], host.Entered());
        Assert.Equal(30, host.State.Variables["days"].GetInt32());
        Assert.Equal(RuntimeHarness.T0, host.State.Variables["checkedAt"].GetDateTimeOffset());
        Assert.Equal(new MailRequested("notice", "coordinator", "Send_Notice"), Assert.Single(host.Effects<MailRequested>()));
        Assert.Single(host.Effects<TaskCreated>());
    }

    [Fact]
    public void A_handler_refusing_its_step_is_an_incident_with_its_message_keeping_the_state_before_it_and_retry_runs_it_again()
    {
        var calls = 0;
        var handler = new DelegateHandler("compute", c =>
        {
            c.SetVariable("days", 1); // dropped when the handler fails
            if (++calls == 1)
            {
                throw new ServiceTaskRefusedException("The period store is down.");
            }
        });
        var host = new RuntimeHarness("Runtime/service.bpmn", handlers: handler);

        host.Start(new { @base = 1 });

        Assert.Equal(InstanceStatus.Incident, host.State.Status);
        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Service_Compute", incident.ElementId);
        Assert.Equal("The handler 'compute' failed: The period store is down.", incident.Message);
        Assert.Equal(new IncidentRaised(incident.TokenId, "Service_Compute", incident.Message), Assert.Single(host.Effects<IncidentRaised>()));
        Assert.False(host.State.Variables.ContainsKey("days"));
        Assert.Empty(host.Effects<MailRequested>());
        Assert.Equal(("Service_Compute", TokenState.Incident), (host.State.Tokens.Single().NodeId, host.State.Tokens.Single().State));

        host.Retry();

        Assert.Equal(InstanceStatus.Running, host.State.Status);
        Assert.Empty(host.State.Incidents);
        Assert.Equal(1, host.State.Variables["days"].GetInt32());
        Assert.Equal("Task_Check", host.Task("Task_Check").NodeId);
    }

    [Fact]
    public void Any_other_handler_exception_is_an_incident_naming_only_the_handler_and_the_exception_type()
    {
        var handler = new DelegateHandler("compute", c =>
        {
            c.SetVariable("days", 1); // dropped when the handler fails
            throw new InvalidOperationException("Anna Andersson, 19850101-1234");
        });
        var host = new RuntimeHarness("Runtime/service.bpmn", handlers: handler);

        host.Start(new { @base = 1 });

        // Incidents are shown to administrators and kept: an arbitrary exception message may quote personal data.
        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Service_Compute", incident.ElementId);
        Assert.Equal("The handler 'compute' failed (InvalidOperationException).", incident.Message);
        Assert.DoesNotContain("Anna", incident.Message);
        Assert.DoesNotContain("19850101-1234", incident.Message);
        var raised = Assert.Single(host.Effects<IncidentRaised>());
        Assert.Equal(incident.Message, raised.Message);
        Assert.All(host.Last.Journal.Select(j => j.Detail ?? ""), detail => Assert.DoesNotContain("Anna", detail));
        Assert.Equal(InstanceStatus.Incident, host.State.Status);
        Assert.Equal(("Service_Compute", TokenState.Incident), (host.State.Tokens.Single().NodeId, host.State.Tokens.Single().State));
        Assert.False(host.State.Variables.ContainsKey("days"));
        Assert.Empty(host.Effects<MailRequested>());
    }

    [Fact]
    public void A_missing_handler_is_an_incident()
    {
        var host = new RuntimeHarness("Runtime/service.bpmn");

        host.Start();

        Assert.Equal("Service_Compute", Assert.Single(host.State.Incidents).ElementId);
    }

    [Fact]
    public void Expression_timer_and_task_due_are_computed_from_the_variables()
    {
        var host = new RuntimeHarness("Runtime/expression-timer.bpmn");
        host.Start(new { periodEnd = "2025-04-30T00:00:00Z" });

        Assert.Equal(new DateTimeOffset(2025, 4, 29, 0, 0, 0, TimeSpan.Zero), host.Task("Task_Plan").DueAt);

        host.CompleteTask("Task_Plan");

        Assert.Equal(new DateTimeOffset(2025, 4, 23, 0, 0, 0, TimeSpan.Zero), host.Timer("Catch_WeekBefore").DueAt);
        host.FireTimer("Catch_WeekBefore");
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_due_time_in_the_past_fires_at_once_when_the_host_sweeps()
    {
        var host = new RuntimeHarness("Runtime/expression-timer.bpmn");
        host.Start(new { periodEnd = "2025-03-05T00:00:00Z" });
        host.CompleteTask("Task_Plan");
        var timer = host.Timer("Catch_WeekBefore");
        Assert.True(timer.DueAt < host.Time.GetUtcNow());

        host.Apply(host.Runner.FireTimer(host.Definition, host.State, timer.TimerId));

        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_failing_due_expression_is_an_incident_on_the_task_and_no_task_is_created()
    {
        var host = new RuntimeHarness("Runtime/expression-timer.bpmn");

        host.Start(new { periodEnd = "not a date" });

        Assert.Equal("Task_Plan", Assert.Single(host.State.Incidents).ElementId);
        Assert.Empty(host.State.Tasks);
        Assert.Empty(host.Effects<TaskCreated>());

        host.Retry(new { periodEnd = "2025-04-30T00:00:00Z" });

        Assert.Equal(new DateTimeOffset(2025, 4, 29, 0, 0, 0, TimeSpan.Zero), host.Task("Task_Plan").DueAt);
    }

    [Fact]
    public void A_timer_fired_after_its_task_completed_is_TimerNotActive()
    {
        var host = new RuntimeHarness("Runtime/boundary.bpmn");
        host.Start(new { caseId = "C-1" });
        var waiting = host.State;
        var deadline = host.Timer("Boundary_Deadline");
        host.CompleteTask("Task_Work");
        host.Time.Advance(TimeSpan.FromDays(10));

        var late = host.Runner.FireTimer(host.Definition, host.State, deadline.TimerId);

        Assert.Equal(StepErrorKind.TimerNotActive, late.Error?.Kind);
        Assert.Same(host.State, late.NewState);
        // The same timer on the state before the completion still fires: the check is against the state passed in.
        Assert.True(host.Runner.FireTimer(host.Definition, waiting, deadline.TimerId).Succeeded);
    }

    [Fact]
    public void Variable_names_that_expressions_cannot_see_are_refused()
    {
        var host = new RuntimeHarness("Runtime/sequence.bpmn");

        var bad = host.Runner.Start(host.Definition, new Dictionary<string, object?> { ["case-id"] = 1 }, new StartOptions("v1"));
        var reserved = host.Runner.Start(host.Definition, new Dictionary<string, object?> { ["now"] = 1 }, new StartOptions("v1"));

        Assert.Equal(StepErrorKind.InvalidVariables, bad.Error?.Kind);
        Assert.Equal(StepErrorKind.InvalidVariables, reserved.Error?.Kind);
    }

    [Fact]
    public void A_resume_with_another_process_is_refused()
    {
        var host = new RuntimeHarness("Runtime/call.bpmn", "Process_1");
        host.Start(new { caseId = "C", amount = 1 });

        var wrong = host.Runner.CompleteChild(host.Document.FindProcess("child")!, host.State, host.State.Children[0].ChildInstanceId,
            new Dictionary<string, JsonElement>());

        Assert.Equal(StepErrorKind.WrongDefinition, wrong.Error?.Kind);
    }
}

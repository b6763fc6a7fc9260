using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Error events (BPMN 2.0 §10.5.4, §13.5): a business error raised by a service-task handler, or thrown by an error end
/// event, goes to the nearest boundary event that catches its code, interrupting everything inside; uncaught, it is an
/// incident naming the error rather than a silent end.
/// </summary>
public sealed class ErrorEventTests
{
    private static DelegateHandler CheckPeriod(string? raises) => new("check-period", c =>
    {
        c.SetVariable("checked", true);
        if (raises is not null)
        {
            throw new BusinessErrorException(raises);
        }
    });

    [Fact]
    public void A_handler_s_business_error_leaves_by_the_boundary_event_that_catches_its_code()
    {
        var host = new RuntimeHarness("Runtime/error-events.bpmn", handlers: CheckPeriod("period-overlap"));

        host.Start();

        Assert.Equal(["StartEvent_1", "Service_Check", "Boundary_Overlap", "Task_Fix"], host.Entered());
        Assert.Contains(host.Last.Journal, j => j is { NodeId: "Service_Check", Kind: JournalKind.Cancelled, Detail: "error 'period-overlap' caught by 'Boundary_Overlap'" });
        Assert.Empty(host.State.Incidents);
        Assert.Equal(["Task_Fix"], host.State.Tasks.Select(t => t.NodeId));
        // The handler's writes are dropped, as for any handler that does not finish.
        Assert.False(host.State.Variables.ContainsKey("checked"));
    }

    [Fact]
    public void A_business_error_no_boundary_catches_is_an_incident_naming_the_code()
    {
        var host = new RuntimeHarness("Runtime/error-events.bpmn", handlers: CheckPeriod("tariff-missing"));

        host.Start();

        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Service_Check", incident.ElementId);
        Assert.Equal("The handler 'check-period' raised the error 'tariff-missing', which no boundary event catches.", incident.Message);
        Assert.Equal(InstanceStatus.Incident, host.State.Status);
    }

    [Fact]
    public void An_error_end_event_inside_a_sub_process_interrupts_it_and_leaves_by_its_error_boundary()
    {
        var host = new RuntimeHarness("Runtime/error-events.bpmn", handlers: CheckPeriod(null));
        host.Start();
        Assert.Equal(["StartEvent_1", "Service_Check", "Sub_Assess", "Sub_Start", "Task_Assess"], host.Entered());

        host.CompleteTask("Task_Assess", "rejected");

        Assert.Equal(["Gateway_Ok", "Sub_Rejected", "Boundary_Rejected", "Send_Rejection", "End_Rejected"], host.Entered());
        Assert.Contains(host.Last.Journal, j => j is { NodeId: "Sub_Rejected", Kind: JournalKind.Left, Detail: "error 'rejected'" });
        Assert.Contains(host.Last.Journal, j => j is { NodeId: "Sub_Assess", Kind: JournalKind.Cancelled, Detail: "interrupted by 'Boundary_Rejected'" });
        Assert.Equal(["notice"], host.Effects<MailRequested>().Select(m => m.Template));
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_sub_process_that_ends_normally_does_not_take_its_error_boundary()
    {
        var host = new RuntimeHarness("Runtime/error-events.bpmn", handlers: CheckPeriod(null));
        host.Start();

        host.CompleteTask("Task_Assess", "approved");

        Assert.Equal(["Gateway_Ok", "Sub_End", "End_Done"], host.Entered());
        Assert.Empty(host.Effects<MailRequested>());
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void An_error_end_event_of_a_called_process_ends_the_child_and_leaves_the_call_activity_by_its_catch_all_boundary()
    {
        var parent = new RuntimeHarness("Runtime/error-call.bpmn", "Process_1");
        parent.Start();
        var request = Assert.Single(parent.Effects<ChildRequested>());

        var child = new WorkflowRunner(parent.Time, new SequentialIds()).Start(parent.Document.FindProcess("checking")!,
            new Dictionary<string, object?> { ["fail"] = true }, new StartOptions("v1", request.ChildInstanceId, parent.State.InstanceId));

        Assert.Equal(InstanceStatus.Terminated, child.NewState.Status);
        var ended = Assert.Single(child.Effects.OfType<InstanceTerminated>());
        Assert.Equal(("Child_Error", "document-missing"), (ended.EndEventId, ended.ErrorCode));

        parent.Apply(parent.Runner.CompleteChild(parent.Definition, parent.State, request.ChildInstanceId, child.NewState.Variables, ended.ErrorCode));

        Assert.Equal(["Boundary_Any", "Task_Handle"], parent.Entered());
        Assert.Equal(["Task_Handle"], parent.State.Tasks.Select(t => t.NodeId));
        Assert.Empty(parent.State.Children);
    }

    [Fact]
    public void An_error_end_event_with_no_caller_and_no_boundary_is_an_incident_at_the_end_event()
    {
        var host = new RuntimeHarness("Runtime/error-call.bpmn", "checking");

        host.Start(new { fail = true });

        var incident = Assert.Single(host.State.Incidents);
        Assert.Equal("Child_Error", incident.ElementId);
        Assert.Equal("The error 'document-missing' of end event 'Child_Error' is caught by no boundary event.", incident.Message);
        Assert.Equal(InstanceStatus.Incident, host.State.Status);
    }
}

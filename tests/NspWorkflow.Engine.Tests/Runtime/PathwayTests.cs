using System.Text.Json;
using System.Text.Json.Nodes;
using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>The NSP-like pathway (Bpmn/pathway.bpmn) end to end, as the host would drive it.</summary>
public class PathwayTests
{
    private static readonly object Case = new { caseId = "C-1", end = "2025-06-30T00:00:00Z" };

    [Fact]
    public void Assessment_with_a_reminder_then_granted_runs_the_period_and_completes_resuming_from_stored_json()
    {
        var endPeriodCalls = 0;
        var host = new RuntimeHarness("pathway.bpmn", handlers: new DelegateHandler("end-period", _ => endPeriodCalls++));
        host.Start(Case);

        var task = host.Task("Task_Assess");
        Assert.Equal(new TaskCreated(task.TaskId, "Task_Assess", "coordinator", "assessment", RuntimeHarness.T0.AddDays(5), "task-assigned"),
            Assert.Single(host.Effects<TaskCreated>()));
        Assert.Equal(RuntimeHarness.T0.AddDays(23), host.Timer("Event_Reminder").DueAt);
        Assert.Equal(("police-report-filed", "C-1"), (host.State.Messages.Single().MessageName, host.State.Messages.Single().CorrelationKey));

        host.FireTimer("Event_Reminder");
        Assert.Equal(new MailRequested("reminder", "coordinator", "Task_Remind"), Assert.Single(host.Effects<MailRequested>()));
        Assert.Equal(task, host.Task("Task_Assess"));

        // The host stores the state as JSON and reads it back before the next resume.
        var json = InstanceStateJson.Serialize(host.State);
        var restored = InstanceStateJson.Deserialize(json);
        Assert.Equal(json, InstanceStateJson.Serialize(restored));
        host.Load(restored);

        host.CompleteTask("Task_Assess", "granted", new { decision = "granted", days = 30 });

        Assert.Equal(["Gateway_1", "Activity_Period"], host.Entered());
        var police = Assert.Single(host.Effects<MessageUnsubscribed>());
        Assert.Equal("Event_Police", police.NodeId);
        var child = Assert.Single(host.Effects<ChildRequested>());
        Assert.Equal("shelter-period", child.CalledProcessId);
        Assert.Equal("C-1", child.Variables["caseId"].GetString());
        Assert.Equal("2025-06-30T00:00:00Z", child.Variables["periodEnd"].GetString());

        host.Apply(host.Runner.CompleteChild(host.Definition, host.State, child.ChildInstanceId,
            new Dictionary<string, JsonElement> { ["outcome"] = JsonSerializer.SerializeToElement("period-ended") }));

        Assert.Equal(InstanceStatus.Completed, host.State.Status);
        Assert.Equal("period-ended", host.State.Variables["outcome"].GetString());
        Assert.Equal(0, endPeriodCalls);
        Assert.Equal(4, host.State.Sequence); // start, timer, task, child
    }

    [Fact]
    public void Rejected_assessment_takes_the_default_flow()
    {
        var host = new RuntimeHarness("pathway.bpmn");
        host.Start(Case);

        host.CompleteTask("Task_Assess", "rejected", new { decision = "rejected", days = 0 });

        Assert.Equal(["Gateway_1", "EndEvent_Rejected"], host.Entered());
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }

    [Fact]
    public void A_police_report_interrupts_the_assessment_runs_the_handler_and_terminates()
    {
        var host = new RuntimeHarness("pathway.bpmn",
            handlers: new DelegateHandler("end-period", c => c.SetVariable("endedBy", "police")));
        host.Start(Case);
        var task = host.Task("Task_Assess");
        var reminder = host.Timer("Event_Reminder");

        Assert.False(host.Runner.DeliverMessage(host.Definition, host.State, "police-report-filed", "C-2", null).Succeeded);
        host.Deliver("police-report-filed", "C-1");

        Assert.Equal(["Event_Police", "Task_End_Period", "EndEvent_Terminated"], host.Entered());
        Assert.Contains(new TaskCancelled(task.TaskId, "Task_Assess"), host.Last.Effects);
        Assert.Contains(new TimerCancelled(reminder.TimerId, "Event_Reminder"), host.Last.Effects);
        Assert.Equal(InstanceStatus.Terminated, host.State.Status);
        Assert.Equal("police", host.State.Variables["endedBy"].GetString());
    }

    [Fact]
    public void The_state_json_is_one_plain_document()
    {
        var host = new RuntimeHarness("pathway.bpmn");
        host.Start(new { caseId = "C-1", end = "2025-06-30T00:00:00Z", nested = new { a = new[] { 1, 2 } } });

        var json = JsonNode.Parse(InstanceStateJson.Serialize(host.State))!.AsObject();

        Assert.Equal("Running", json["Status"]!.GetValue<string>());
        Assert.Equal("pathway", json["ProcessId"]!.GetValue<string>());
        Assert.Equal("v1", json["DefinitionVersion"]!.GetValue<string>());
        Assert.Equal(2, json["Variables"]!["nested"]!["a"]![1]!.GetValue<int>());
        Assert.Equal("Waiting", json["Tokens"]![0]!["State"]!.GetValue<string>());
        Assert.Equal(host.Task("Task_Assess").TaskId, json["Tasks"]![0]!["TaskId"]!.GetValue<Guid>());

        var restored = InstanceStateJson.Deserialize(json.ToJsonString());
        Assert.Equal(host.State.Timers, restored.Timers, EqualityComparer<TimerWait>.Default);
        Assert.Equal(host.State.Messages, restored.Messages, EqualityComparer<MessageWait>.Default);
        Assert.Equal(host.State.Sequence, restored.Sequence);
    }
}

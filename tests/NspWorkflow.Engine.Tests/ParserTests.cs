using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Parsing;

namespace NspWorkflow.Engine.Tests;

public class ParserTests
{
    [Fact]
    public void Pathway_file_as_saved_by_bpmn_js_has_no_problems()
    {
        var problems = TestBpmn.Check(TestBpmn.Load("pathway.bpmn"));

        Assert.Empty(problems);
    }

    [Fact]
    public void Pathway_file_is_read_into_the_model()
    {
        var result = new BpmnParser().Parse(TestBpmn.Load("pathway.bpmn"));

        var process = Assert.Single(result.Document!.Processes);
        Assert.Equal("pathway", process.Id);
        Assert.Equal(12, process.Nodes.Count);
        var task = Assert.IsType<UserTask>(process.Nodes["Task_Assess"]);
        Assert.Equal(new NspSettings(AssigneeRole: "coordinator", Form: "assessment", MailTemplate: "task-assigned", Due: task.Settings.Due), task.Settings);
        Assert.Equal(new IsoDuration(0, 0, 5, 0, 0, 0), Assert.IsType<DurationTimer>(task.Settings.Due).Duration);

        var reminder = Assert.IsType<BoundaryEvent>(process.Nodes["Event_Reminder"]);
        Assert.False(reminder.Interrupting);
        Assert.Equal("Task_Assess", reminder.AttachedToId);
        Assert.Equal(new IsoDuration(0, 0, 23, 0, 0, 0), Assert.IsType<DurationTimer>(Assert.IsType<TimerTrigger>(reminder.Trigger).Timer).Duration);

        var police = Assert.IsType<BoundaryEvent>(process.Nodes["Event_Police"]);
        Assert.True(police.Interrupting);
        Assert.Equal("Message_Police", Assert.IsType<MessageTrigger>(police.Trigger).MessageRef);
        Assert.Equal(new MessageDefinition("Message_Police", "police-report-filed", "caseId"), process.Messages["Message_Police"]);
        Assert.Equal(["Event_Reminder", "Event_Police"], process.BoundariesOf("Task_Assess").Select(b => b.Id));

        Assert.Equal("Flow_4", Assert.IsType<ExclusiveGateway>(process.Nodes["Gateway_1"]).DefaultFlowId);
        Assert.True(process.FlowsById["Flow_4"].IsDefault);
        Assert.Equal("decision === 'granted' && days > 0", process.FlowsById["Flow_3"].Condition);
        Assert.Equal(["Flow_3", "Flow_4"], process.OutgoingOf("Gateway_1").Select(f => f.Id));

        var call = Assert.IsType<CallActivity>(process.Nodes["Activity_Period"]);
        Assert.Equal("shelter-period", call.CalledProcessId);
        Assert.Equal([new VariableMapping("caseId", "caseId"), new VariableMapping("periodEnd", "end")], call.Settings.Inputs.ToArray());
        Assert.Equal([new VariableMapping("outcome", "outcome")], call.Settings.Outputs.ToArray());
        Assert.True(Assert.IsType<EndEvent>(process.Nodes["EndEvent_Terminated"]).Terminate);
        Assert.Equal("end-period", Assert.IsType<ServiceTask>(process.Nodes["Task_End_Period"]).Settings.Handler);
    }

    [Fact]
    public void Condition_with_leading_equals_and_cdata_is_read()
    {
        var xml = TestBpmn.Wrap("""
            <bpmn:sequenceFlow id="F" sourceRef="A" targetRef="B"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[= amount > 5]]></bpmn:conditionExpression></bpmn:sequenceFlow>
            """);

        var flow = new BpmnParser().Parse(xml).Document!.Processes[0].FlowsById["F"];

        Assert.Equal("amount > 5", flow.Condition);
    }

    [Fact]
    public void Two_processes_in_one_file_may_call_each_other()
    {
        var xml = TestBpmn.Load("pathway.bpmn").Replace("calledElement=\"shelter-period\"", "calledElement=\"second\"")
            .Replace("<bpmn:message ", """
                <bpmn:process id="second" isExecutable="true">
                  <bpmn:startEvent id="S2"><bpmn:outgoing>F2</bpmn:outgoing></bpmn:startEvent>
                  <bpmn:sequenceFlow id="F2" sourceRef="S2" targetRef="E2" />
                  <bpmn:endEvent id="E2"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
                </bpmn:process>
                <bpmn:message 
                """);

        Assert.Empty(TestBpmn.Check(xml));
    }
}

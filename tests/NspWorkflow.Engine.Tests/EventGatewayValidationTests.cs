namespace NspWorkflow.Engine.Tests;

/// <summary>
/// The event-based gateway's constraints of BPMN 2.0 §10.6.6 the modeller lets an administrator break: a receive task
/// with a boundary event after the gateway, message catch events and receive tasks after one gateway, and a target
/// reached by another flow too. Each refused, naming the element.
/// </summary>
public sealed class EventGatewayValidationTests
{
    /// <summary>Start → gateway G → a timer catch event and <paramref name="targets"/> (reached by F_Message), each on to the end.</summary>
    private static string Gateway(string targets, string extra = "") => TestBpmn.Wrap($"""
        <bpmn:startEvent id="StartEvent_1" />
        <bpmn:sequenceFlow id="F_Start" sourceRef="StartEvent_1" targetRef="G" />
        <bpmn:eventBasedGateway id="G" />
        <bpmn:sequenceFlow id="F_Timer" sourceRef="G" targetRef="Wait" />
        <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="F_Wait_End" sourceRef="Wait" targetRef="E" />
        {targets}
        {extra}
        <bpmn:endEvent id="E" />
        """, afterProcess: """<bpmn:message id="M" name="m" nsp:correlationKey="caseId" /><bpmn:message id="N" name="n" nsp:correlationKey="caseId" />""");

    private const string Receive = """
        <bpmn:sequenceFlow id="F_Message" sourceRef="G" targetRef="Receive" />
        <bpmn:receiveTask id="Receive" messageRef="M" />
        <bpmn:sequenceFlow id="F_Receive_End" sourceRef="Receive" targetRef="E" />
        """;

    [Fact]
    public void A_timer_and_receive_tasks_alone_are_valid()
    {
        Assert.Empty(TestBpmn.Check(Gateway(Receive)));
    }

    [Fact]
    public void A_receive_task_after_the_gateway_may_have_no_boundary_event()
    {
        var problems = TestBpmn.Check(Gateway(Receive, """
            <bpmn:boundaryEvent id="Late" attachedToRef="Receive"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F_Late" sourceRef="Late" targetRef="E" />
            """));

        var problem = Assert.Single(problems);
        Assert.Equal("Receive", problem.ElementId);
        Assert.Contains("boundary event", problem.Message, StringComparison.Ordinal);
        Assert.Contains("§10.6.6", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_gateway_may_not_mix_message_catch_events_and_receive_tasks()
    {
        var problems = TestBpmn.Check(Gateway(Receive, """
            <bpmn:sequenceFlow id="F_Other" sourceRef="G" targetRef="Withdrawn" />
            <bpmn:intermediateCatchEvent id="Withdrawn"><bpmn:messageEventDefinition messageRef="N" /></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="F_Withdrawn_End" sourceRef="Withdrawn" targetRef="E" />
            """));

        var problem = Assert.Single(problems);
        Assert.Equal("G", problem.ElementId);
        Assert.Contains("both message catch events and receive tasks", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_of_the_gateway_may_have_no_other_incoming_flow()
    {
        // A task loops back into the receive task: a token could reach it without the gateway's choice.
        var problems = TestBpmn.Check(Gateway("""
            <bpmn:sequenceFlow id="F_Message" sourceRef="G" targetRef="Receive" />
            <bpmn:receiveTask id="Receive" messageRef="M" />
            <bpmn:sequenceFlow id="F_Receive_Work" sourceRef="Receive" targetRef="Work" />
            <bpmn:userTask id="Work" nsp:assigneeRole="coordinator" />
            <bpmn:exclusiveGateway id="Again" default="F_Done" />
            <bpmn:sequenceFlow id="F_Work_Again" sourceRef="Work" targetRef="Again" />
            <bpmn:sequenceFlow id="F_Back" sourceRef="Again" targetRef="Receive"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">more === true</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F_Done" sourceRef="Again" targetRef="E" />
            """));

        var problem = Assert.Single(problems);
        Assert.Equal("Receive", problem.ElementId);
        Assert.Contains("another incoming flow", problem.Message, StringComparison.Ordinal);
    }
}

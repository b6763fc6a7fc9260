using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Parsing;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Tests;

/// <summary>
/// Reading and checking throw events: an intermediate throw event throws one message or nothing (a milestone), an end
/// event may throw one message; other throws (signal, escalation, ...) stay outside the subset. Every problem names the
/// element.
/// </summary>
public sealed class MessageThrowValidationTests
{
    private const string Messages = """
        <bpmn:message id="M" name="report-filed" nsp:correlationKey="caseId" />
        <bpmn:message id="Nameless" />
        """;

    /// <summary>Start → <paramref name="node"/> (id Node, flows Flow_In/Flow_Out) → end, with the messages above.</summary>
    private static string Linear(string node) => TestBpmn.Wrap($"""
        <bpmn:startEvent id="StartEvent_1" />
        <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_1" targetRef="Node" />
        {node}
        <bpmn:sequenceFlow id="Flow_Out" sourceRef="Node" targetRef="EndEvent_1" />
        <bpmn:endEvent id="EndEvent_1" />
        """, afterProcess: Messages);

    /// <summary>Start → end event <paramref name="end"/> (id End).</summary>
    private static string EndingAt(string end) => TestBpmn.Wrap($"""
        <bpmn:startEvent id="StartEvent_1" />
        <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_1" targetRef="End" />
        {end}
        """, afterProcess: Messages);

    private static ValidationProblem Single(string xml, string elementId, string words)
    {
        var problems = TestBpmn.Check(xml).Where(p => p.ElementId != "Nameless").ToList();
        var problem = Assert.Single(problems);
        Assert.Equal(elementId, problem.ElementId);
        Assert.Contains(words, problem.Message, StringComparison.Ordinal);
        return problem;
    }

    [Fact]
    public void A_message_throw_event_and_a_message_end_event_are_read_and_valid()
    {
        var xml = TestBpmn.Wrap("""
            <bpmn:startEvent id="StartEvent_1" />
            <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_1" targetRef="Node" />
            <bpmn:intermediateThrowEvent id="Node" name="Filed"><bpmn:incoming>Flow_In</bpmn:incoming><bpmn:messageEventDefinition id="D1" messageRef="M" /></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="Flow_Out" sourceRef="Node" targetRef="Milestone" />
            <bpmn:intermediateThrowEvent id="Milestone" />
            <bpmn:sequenceFlow id="Flow_End" sourceRef="Milestone" targetRef="End" />
            <bpmn:endEvent id="End"><bpmn:messageEventDefinition id="D2" messageRef="M" /></bpmn:endEvent>
            """, afterProcess: """<bpmn:message id="M" name="report-filed" nsp:correlationKey="caseId" />""");

        Assert.Empty(TestBpmn.Check(xml));
        var process = new BpmnParser().Parse(xml).Document!.Processes[0];
        Assert.Equal(new IntermediateThrowEvent("Node", "Filed", "M"), process.Nodes["Node"]);
        Assert.Equal(new IntermediateThrowEvent("Milestone", null, null), process.Nodes["Milestone"]);
        Assert.Equal(new EndEvent("End", null, Terminate: false, MessageRef: "M"), process.Nodes["End"]);
    }

    [Fact]
    public void A_throw_event_needs_an_outgoing_flow()
    {
        var xml = TestBpmn.Wrap("""
            <bpmn:startEvent id="StartEvent_1" />
            <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_1" targetRef="Node" />
            <bpmn:intermediateThrowEvent id="Node"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateThrowEvent>
            """, afterProcess: Messages);

        var problem = Single(xml, "Node", "has no outgoing sequence flow");
        Assert.StartsWith("Intermediate throw event 'Node'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_throw_event_needs_an_incoming_flow()
    {
        var xml = TestBpmn.Wrap("""
            <bpmn:startEvent id="StartEvent_1" />
            <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_1" targetRef="EndEvent_1" />
            <bpmn:intermediateThrowEvent id="Node"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="Flow_Out" sourceRef="Node" targetRef="EndEvent_1" />
            <bpmn:endEvent id="EndEvent_1" />
            """, afterProcess: Messages);

        var problems = TestBpmn.Check(xml).Where(p => p.ElementId == "Node").Select(p => p.Message).ToList();
        Assert.Contains(problems, m => m.Contains("Intermediate throw event 'Node' has no incoming sequence flow", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""<bpmn:messageEventDefinition messageRef="Missing" />""", "throws message 'Missing', which is not defined in this file")]
    [InlineData("""<bpmn:messageEventDefinition />""", "does not say which message it throws")]
    [InlineData("""<bpmn:messageEventDefinition messageRef="Nameless" />""", "throws message 'Nameless', which has no name")]
    public void The_thrown_message_must_be_a_named_message_of_the_file(string definition, string words)
    {
        Single(Linear($"""<bpmn:intermediateThrowEvent id="Node">{definition}</bpmn:intermediateThrowEvent>"""), "Node", words);
        Single(EndingAt($"""<bpmn:endEvent id="End">{definition}</bpmn:endEvent>"""), "End", words);
    }

    [Theory]
    [InlineData("""<bpmn:signalEventDefinition />""", "not a signal")]
    [InlineData("""<bpmn:escalationEventDefinition />""", "not a escalation")]
    [InlineData("""<bpmn:messageEventDefinition messageRef="M" /><bpmn:messageEventDefinition messageRef="M" />""", "not 2 triggers")]
    public void Other_throws_stay_unsupported_with_a_reason(string definitions, string words)
    {
        var problem = Single(Linear($"""<bpmn:intermediateThrowEvent id="Node">{definitions}</bpmn:intermediateThrowEvent>"""), "Node", words);
        Assert.Contains("cannot be used: an intermediate throw event may only throw a message", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signal_end_event_stays_unsupported_and_names_the_end_events_there_are()
    {
        Single(EndingAt("""<bpmn:endEvent id="End"><bpmn:signalEventDefinition /></bpmn:endEvent>"""), "End",
            "an end event with a signal result is not supported; use a plain, terminate, error or message end event");
    }

    [Fact]
    public void An_unknown_attribute_on_the_message_definition_of_a_throw_is_named()
    {
        Single(Linear("""<bpmn:intermediateThrowEvent id="Node"><bpmn:messageEventDefinition messageRef="M" operationRef="Op" /></bpmn:intermediateThrowEvent>"""),
            "Node", "operationRef");
    }
}

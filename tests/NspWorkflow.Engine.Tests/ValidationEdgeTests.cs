namespace NspWorkflow.Engine.Tests;

/// <summary>Validation of broken references, duplicate ids and out-of-range timers: every problem reported with its element id, nothing thrown.</summary>
public sealed class ValidationEdgeTests
{
    [Theory]
    [InlineData("""<bpmn:intermediateCatchEvent id="Wait_For_Police" name="Wait For Police"><bpmn:timerEventDefinition><bpmn:timeDuration>soon</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""")]
    [InlineData("""<bpmn:userTask id="Wait_For_Police" name="Wait For Police" nsp:assigneeRole="coordinator" nsp:due="soon" />""")]
    [InlineData("""<bpmn:exclusiveGateway id="Wait_For_Police" name="Wait For Police" />""")]
    public void Problems_name_the_element_id_as_written_not_lower_cased(string node)
    {
        var xml = TestBpmn.Linear(node).Replace("\"Node\"", "\"Wait_For_Police\"");
        if (node.Contains("exclusiveGateway"))
        {
            xml = xml.Replace("""<bpmn:sequenceFlow id="Flow_Out" sourceRef="Wait_For_Police" targetRef="EndEvent_1" />""",
                """<bpmn:sequenceFlow id="Flow_Out" sourceRef="Wait_For_Police" targetRef="EndEvent_1"><bpmn:conditionExpression>x</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="Flow_Other" sourceRef="Wait_For_Police" targetRef="EndEvent_1" />""");
        }

        var problems = TestBpmn.Check(xml);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Contains("'Wait_For_Police' (Wait For Police)", p.Message));
    }

    [Theory]
    [InlineData("P100000Y")]
    [InlineData("P100000M")]
    [InlineData("P9000Y")]
    public void A_duration_that_passes_the_year_9999_does_not_parse(string duration)
    {
        // It validated, and then every instance that reached the timer threw ArgumentOutOfRangeException from
        // DateTimeOffset.AddYears/AddMonths while scheduling it.
        var xml = TestBpmn.Linear($"""<bpmn:intermediateCatchEvent id="Node"><bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""");

        var problem = Assert.Single(TestBpmn.Check(xml));

        Assert.Equal("Node", problem.ElementId);
        Assert.Contains("does not parse", problem.Message);
    }

    [Fact]
    public void Long_but_reasonable_durations_still_parse()
    {
        Assert.Empty(TestBpmn.Check(TestBpmn.Linear("""<bpmn:intermediateCatchEvent id="Node"><bpmn:timerEventDefinition><bpmn:timeDuration>P100Y1200M100000DT100000H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""")));
    }

    [Theory]
    [InlineData("R1000/P1000Y")]
    [InlineData("R100/P12000M")]
    public void A_cycle_whose_repetitions_pass_the_year_9999_does_not_parse(string cycle)
    {
        // Each interval alone is within IsoDuration's bounds, but re-arming the timer (previous due + interval) threw
        // ArgumentOutOfRangeException out of FireTimer once the due time passed the year 9999.
        var xml = TestBpmn.Load("pathway.bpmn").Replace("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P23D</bpmn:timeDuration>",
            $"<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">{cycle}</bpmn:timeCycle>");

        var problem = Assert.Single(TestBpmn.Check(xml));

        Assert.Equal("Event_Reminder", problem.ElementId);
        Assert.Contains("does not parse", problem.Message);
    }

    // Probes that held when written (no bug found): broken references are problems naming the element, not exceptions.

    private static string Boundary(string attachedTo) => TestBpmn.Linear(
        $"""<bpmn:userTask id="Node" nsp:assigneeRole="coordinator" /><bpmn:boundaryEvent id="B" {attachedTo}><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""",
        """<bpmn:sequenceFlow id="BF" sourceRef="B" targetRef="EndEvent_1" />""");

    [Theory]
    [InlineData("attachedToRef=\"Missing\"", "attached to 'Missing'")]
    [InlineData("attachedToRef=\"B\"", "attached to 'B'")]
    [InlineData("attachedToRef=\"Flow_In\"", "attached to 'Flow_In'")]
    [InlineData("", "not attached to a task")]
    public void Boundary_event_attached_to_nothing_usable(string attachedTo, string words)
    {
        var problems = TestBpmn.Check(Boundary(attachedTo));

        Assert.Contains(problems, p => p.ElementId == "B" && p.Message.Contains(words));
    }

    [Fact]
    public void Flow_without_source_or_target_and_flow_to_a_flow()
    {
        var problems = TestBpmn.Check(TestBpmn.Linear("""<bpmn:userTask id="Node" nsp:assigneeRole="coordinator" />""",
            """<bpmn:sequenceFlow id="X" /><bpmn:sequenceFlow id="Y" sourceRef="Node" targetRef="Flow_In" />"""));

        Assert.Contains(problems, p => p.ElementId == "X" && p.Message.Contains("starts at ''"));
        Assert.Contains(problems, p => p.ElementId == "X" && p.Message.Contains("leads to ''"));
        Assert.Contains(problems, p => p.ElementId == "Y" && p.Message.Contains("leads to 'Flow_In'"));
    }

    [Fact]
    public void Two_processes_with_one_id_and_elements_without_ids()
    {
        var twoProcesses = TestBpmn.Linear("""<bpmn:userTask id="Node" nsp:assigneeRole="coordinator" />""").Replace("</bpmn:process>",
            """</bpmn:process><bpmn:process id="Process_1"><bpmn:startEvent id="S2" /><bpmn:sequenceFlow id="F2" sourceRef="S2" targetRef="E2" /><bpmn:endEvent id="E2" /></bpmn:process>""");
        var noIds = TestBpmn.Wrap("""<bpmn:startEvent /><bpmn:sequenceFlow sourceRef="StartEvent_1" targetRef="E" /><bpmn:endEvent /><bpmn:userTask nsp:assigneeRole="coordinator" />""");

        Assert.Contains(TestBpmn.Check(twoProcesses), p => p.ElementId == "Process_1" && p.Message.Contains("more than one element"));
        Assert.Contains(TestBpmn.Check(noIds), p => p.Message.Contains("'userTask' element has no id"));
    }
}

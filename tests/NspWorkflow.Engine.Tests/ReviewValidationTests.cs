namespace NspWorkflow.Engine.Tests;

public class ReviewValidationTests
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
}

using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Tests;

public class ValidationTests
{
    private const string Pathway = "pathway.bpmn";

    /// <summary>Asserts a problem names <paramref name="elementId"/> and says <paramref name="words"/>.</summary>
    private static ValidationProblem AssertProblem(string xml, string elementId, string words)
    {
        var problems = TestBpmn.Check(xml);
        var match = problems.FirstOrDefault(p => p.ElementId == elementId && p.Message.Contains(words, StringComparison.OrdinalIgnoreCase));
        Assert.True(match is not null, $"Expected a problem on '{elementId}' saying '{words}', got:\n{string.Join("\n", problems)}");
        return match;
    }

    private static string PathwayWith(string from, string to)
    {
        var xml = TestBpmn.Load(Pathway);
        Assert.Contains(from, xml);
        return xml.Replace(from, to);
    }

    [Fact]
    public void Unsupported_element_is_named()
    {
        var xml = TestBpmn.Linear("""<bpmn:scriptTask id="Node"><bpmn:incoming>Flow_In</bpmn:incoming></bpmn:scriptTask>""");

        AssertProblem(xml, "Node", "cannot be used");
    }

    [Fact]
    public void Plain_task_is_unsupported_with_a_hint()
    {
        AssertProblem(TestBpmn.Linear("""<bpmn:task id="Node" />"""), "Node", "choose a user task");
    }

    [Fact]
    public void Unsupported_attribute_is_named()
    {
        AssertProblem(PathwayWith("<bpmn:userTask id=\"Task_Assess\"", "<bpmn:userTask isForCompensation=\"true\" id=\"Task_Assess\""),
            "Task_Assess", "attribute 'isForCompensation'");
    }

    [Fact]
    public void Unknown_nsp_attribute_is_an_error_and_other_namespaces_are_ignored()
    {
        var xml = PathwayWith("nsp:handler=\"end-period\"", "nsp:handler=\"end-period\" nsp:colour=\"red\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" camunda:asyncBefore=\"true\"");

        var problem = AssertProblem(xml, "Task_End_Period", "nsp:colour");
        Assert.Single(TestBpmn.Check(xml));
        Assert.Contains("unknown", problem.Message);
    }

    [Fact]
    public void Nsp_attribute_on_the_wrong_element_is_an_error()
    {
        AssertProblem(PathwayWith("nsp:handler=\"end-period\"", "nsp:handler=\"end-period\" nsp:form=\"assessment\""), "Task_End_Period", "no meaning");
    }

    [Fact]
    public void Extension_elements_of_other_tools_are_reported()
    {
        AssertProblem(PathwayWith("<bpmn:incoming>Flow_6</bpmn:incoming>", "<bpmn:extensionElements><x:y xmlns:x=\"urn:x\"/></bpmn:extensionElements><bpmn:incoming>Flow_6</bpmn:incoming>"),
            "Task_End_Period", "extensionElements");
    }

    [Fact]
    public void Multi_instance_is_reported_on_the_task()
    {
        AssertProblem(PathwayWith("<bpmn:incoming>Flow_6</bpmn:incoming>", "<bpmn:incoming>Flow_6</bpmn:incoming><bpmn:multiInstanceLoopCharacteristics />"),
            "Task_End_Period", "multi-instance");
    }

    [Fact]
    public void Task_without_outgoing_flow()
    {
        var xml = PathwayWith("""<bpmn:sequenceFlow id="Flow_9" sourceRef="Task_End_Period" targetRef="EndEvent_Terminated" />""", "");

        AssertProblem(xml, "Task_End_Period", "no outgoing sequence flow");
        AssertProblem(xml, "EndEvent_Terminated", "no incoming sequence flow");
    }

    [Fact]
    public void Task_with_conditional_outgoing_flow()
    {
        var xml = PathwayWith("""<bpmn:sequenceFlow id="Flow_9" sourceRef="Task_End_Period" targetRef="EndEvent_Terminated" />""",
            """<bpmn:sequenceFlow id="Flow_9" sourceRef="Task_End_Period" targetRef="EndEvent_Terminated"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">x &gt; 1</bpmn:conditionExpression></bpmn:sequenceFlow>""");

        AssertProblem(xml, "Flow_9", "leaves service task 'Task_End_Period' with a condition");
    }

    [Fact]
    public void Exclusive_gateway_whose_conditions_can_all_fail_without_default()
    {
        var xml = PathwayWith("default=\"Flow_4\"", "").Replace(
            """<bpmn:sequenceFlow id="Flow_4" name="no" sourceRef="Gateway_1" targetRef="EndEvent_Rejected" />""",
            """<bpmn:sequenceFlow id="Flow_4" name="no" sourceRef="Gateway_1" targetRef="EndEvent_Rejected"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">decision === 'rejected'</bpmn:conditionExpression></bpmn:sequenceFlow>""");

        var problem = AssertProblem(xml, "Gateway_1", "can all be false");
        Assert.Equal("Gateway 'Gateway_1' has conditions that can all be false and no default flow.", problem.Message);
    }

    [Fact]
    public void Exclusive_gateway_flow_without_condition_that_is_not_default()
    {
        AssertProblem(PathwayWith("default=\"Flow_4\"", ""), "Flow_4", "without a condition");
    }

    [Fact]
    public void Default_flow_must_leave_its_gateway()
    {
        AssertProblem(PathwayWith("default=\"Flow_4\"", "default=\"Flow_7\""), "Gateway_1", "not one of its outgoing flows");
    }

    [Fact]
    public void Default_flow_of_another_node_is_not_a_default()
    {
        var xml = PathwayWith("default=\"Flow_4\"", "default=\"Flow_9\"");

        AssertProblem(xml, "Gateway_1", "not one of its outgoing flows");
        Assert.DoesNotContain(TestBpmn.Check(xml), p => p.ElementId == "Flow_9");
    }

    [Fact]
    public void Schema_location_on_definitions_is_accepted()
    {
        Assert.Empty(TestBpmn.Check(PathwayWith("id=\"Definitions_1\"", "id=\"Definitions_1\" xsi:schemaLocation=\"http://www.omg.org/spec/BPMN/20100524/MODEL BPMN20.xsd\"")));
    }

    [Fact]
    public void Default_flow_with_a_condition()
    {
        AssertProblem(PathwayWith("default=\"Flow_4\"", "default=\"Flow_3\""), "Flow_3", "default flow and also has a condition");
    }

    [Fact]
    public void Parallel_gateway_with_condition()
    {
        var xml = PathwayWith("""<bpmn:exclusiveGateway id="Gateway_1" name="Granted?" default="Flow_4">""", """<bpmn:parallelGateway id="Gateway_1">""")
            .Replace("</bpmn:exclusiveGateway>", "</bpmn:parallelGateway>");

        AssertProblem(xml, "Flow_3", "parallel gateway");
    }

    [Theory]
    [InlineData("P23D", "P23X", "not an ISO-8601 duration")]
    [InlineData("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P23D</bpmn:timeDuration>", "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">2025-03-01T08:00:00</bpmn:timeDate>", "time zone")]
    [InlineData("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P23D</bpmn:timeDuration>", "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">R0/P1D</bpmn:timeCycle>", "between 1 and")]
    [InlineData("P23D", "=addDays(periodEnd, -7", "not valid JavaScript")]
    [InlineData("P23D", "", "empty")]
    public void Timer_that_does_not_parse(string from, string to, string words)
    {
        AssertProblem(PathwayWith(from, to), "Event_Reminder", words);
    }

    [Fact]
    public void Due_date_that_does_not_parse()
    {
        AssertProblem(PathwayWith("nsp:due=\"P5D\"", "nsp:due=\"five days\""), "Task_Assess", "nsp:due");
    }

    [Fact]
    public void Interrupting_timer_with_a_cycle()
    {
        var xml = PathwayWith("cancelActivity=\"false\" ", "")
            .Replace("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P23D</bpmn:timeDuration>", "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">R3/P1D</bpmn:timeCycle>");

        AssertProblem(xml, "Event_Reminder", "interrupting but its timer repeats");
    }

    [Fact]
    public void Non_interrupting_timer_with_a_cycle_is_fine()
    {
        var xml = PathwayWith("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P23D</bpmn:timeDuration>", "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">R3/P1D</bpmn:timeCycle>");

        Assert.Empty(TestBpmn.Check(xml));
    }

    [Theory]
    [InlineData("nsp:handler=\"end-period\"", "nsp:handler=\"unknown-handler\"", "Task_End_Period", "handler 'unknown-handler'")]
    [InlineData("nsp:form=\"assessment\"", "nsp:form=\"no-form\"", "Task_Assess", "form 'no-form'")]
    [InlineData("nsp:assigneeRole=\"coordinator\" nsp:form", "nsp:assigneeRole=\"janitor\" nsp:form", "Task_Assess", "role 'janitor'")]
    [InlineData("nsp:mailTemplate=\"reminder\"", "nsp:mailTemplate=\"nope\"", "Task_Remind", "mail template 'nope'")]
    [InlineData("nsp:handler=\"end-period\"", "", "Task_End_Period", "no handler")]
    [InlineData("calledElement=\"shelter-period\"", "calledElement=\"ghost\"", "Activity_Period", "process 'ghost'")]
    [InlineData("messageRef=\"Message_Police\"", "messageRef=\"Message_Ghost\"", "Event_Police", "message 'Message_Ghost'")]
    public void Unknown_names_are_reported(string from, string to, string elementId, string words)
    {
        AssertProblem(PathwayWith(from, to), elementId, words);
    }

    [Fact]
    public void Unreachable_element()
    {
        var xml = PathwayWith("<bpmn:endEvent id=\"EndEvent_Done\" name=\"Done\">", """
            <bpmn:serviceTask id="Orphan" nsp:handler="end-period"><bpmn:outgoing>Flow_X</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_X" sourceRef="Orphan" targetRef="EndEvent_Done" />
            <bpmn:endEvent id="EndEvent_Done" name="Done">
            """);

        AssertProblem(xml, "Orphan", "cannot be reached");
        AssertProblem(xml, "Orphan", "no incoming");
    }

    [Fact]
    public void Exactly_one_start_event()
    {
        AssertProblem(PathwayWith("<bpmn:startEvent id=\"StartEvent_1\" name=\"Case opened\">", "<bpmn:endEvent id=\"StartEvent_1\">").Replace(
            "<bpmn:outgoing>Flow_1</bpmn:outgoing>\n    </bpmn:startEvent>", "<bpmn:outgoing>Flow_1</bpmn:outgoing>\n    </bpmn:endEvent>"), "pathway", "no start event");

        var two = PathwayWith("<bpmn:sequenceFlow id=\"Flow_1\"", "<bpmn:startEvent id=\"Start_2\"><bpmn:outgoing>Flow_S2</bpmn:outgoing></bpmn:startEvent><bpmn:sequenceFlow id=\"Flow_S2\" sourceRef=\"Start_2\" targetRef=\"Task_Assess\" /><bpmn:sequenceFlow id=\"Flow_1\"");
        AssertProblem(two, "Start_2", "one start event too many");
    }

    [Fact]
    public void Message_start_event_is_unsupported()
    {
        AssertProblem(PathwayWith("<bpmn:outgoing>Flow_1</bpmn:outgoing>\n    </bpmn:startEvent>",
            "<bpmn:outgoing>Flow_1</bpmn:outgoing><bpmn:messageEventDefinition /></bpmn:startEvent>"), "StartEvent_1", "message trigger");
    }

    [Fact]
    public void Flow_to_a_missing_node()
    {
        AssertProblem(PathwayWith("targetRef=\"EndEvent_Done\"", "targetRef=\"Nowhere\""), "Flow_7", "leads to 'Nowhere'");
    }

    [Fact]
    public void End_event_with_outgoing_flow()
    {
        AssertProblem(PathwayWith("<bpmn:sequenceFlow id=\"Flow_8\"", "<bpmn:sequenceFlow id=\"Flow_Z\" sourceRef=\"EndEvent_Done\" targetRef=\"EndEvent_Rejected\" /><bpmn:sequenceFlow id=\"Flow_8\""),
            "EndEvent_Done", "end event ends its path");
    }

    [Fact]
    public void Boundary_event_rules()
    {
        AssertProblem(PathwayWith("attachedToRef=\"Task_Assess\">\n      <bpmn:outgoing>Flow_5", "attachedToRef=\"Gateway_1\">\n      <bpmn:outgoing>Flow_5"), "Event_Reminder", "not a task");
        AssertProblem(PathwayWith("<bpmn:sequenceFlow id=\"Flow_5\" sourceRef=\"Event_Reminder\" targetRef=\"Task_Remind\" />",
            "<bpmn:sequenceFlow id=\"Flow_5\" sourceRef=\"Event_Reminder\" targetRef=\"Task_Remind\" /><bpmn:sequenceFlow id=\"Flow_5b\" sourceRef=\"Event_Reminder\" targetRef=\"Task_Remind\" />"),
            "Event_Reminder", "exactly one outgoing sequence flow, but has 2");
    }

    [Fact]
    public void Event_based_gateway_leads_only_to_catch_events_or_receive_tasks()
    {
        var xml = TestBpmn.Wrap("""
            <bpmn:startEvent id="StartEvent_1" />
            <bpmn:sequenceFlow id="F1" sourceRef="StartEvent_1" targetRef="G" />
            <bpmn:eventBasedGateway id="G" />
            <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="Wait" />
            <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="Work" />
            <bpmn:sequenceFlow id="F4" sourceRef="G" targetRef="Receive" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:receiveTask id="Receive" messageRef="M" />
            <bpmn:serviceTask id="Work" nsp:handler="end-period" />
            <bpmn:sequenceFlow id="F5" sourceRef="Wait" targetRef="E" />
            <bpmn:sequenceFlow id="F6" sourceRef="Work" targetRef="E" />
            <bpmn:sequenceFlow id="F7" sourceRef="Receive" targetRef="E" />
            <bpmn:endEvent id="E" />
            """, afterProcess: """<bpmn:message id="M" name="m" />""");

        var problems = TestBpmn.Check(xml);

        var problem = Assert.Single(problems);
        Assert.Equal("F3", problem.ElementId);
        Assert.Contains("may only lead to timer or message", problem.Message);
    }

    [Fact]
    public void Condition_with_syntax_error_names_the_flow()
    {
        AssertProblem(PathwayWith("decision === 'granted' &amp;&amp; days &gt; 0", "decision === ("), "Flow_3", "not valid JavaScript");
    }

    [Fact]
    public void Duplicate_ids_are_reported()
    {
        AssertProblem(PathwayWith("<bpmn:endEvent id=\"EndEvent_Reminded\">", "<bpmn:endEvent id=\"EndEvent_Done\">").Replace("targetRef=\"EndEvent_Reminded\"", "targetRef=\"EndEvent_Done\""),
            "EndEvent_Done", "more than one element");
    }

    [Fact]
    public void Message_flow_in_a_collaboration_is_reported()
    {
        var xml = TestBpmn.Load(Pathway).Replace("<bpmn:process ", """
            <bpmn:collaboration id="Collab"><bpmn:participant id="P1" processRef="pathway" /><bpmn:messageFlow id="MF" sourceRef="P1" targetRef="Task_Assess" /></bpmn:collaboration>
            <bpmn:process 
            """);

        AssertProblem(xml, "MF", "not supported");
    }

    [Fact]
    public void Message_without_name_and_bad_correlation_key()
    {
        var xml = PathwayWith("name=\"police-report-filed\" nsp:correlationKey=\"caseId\"", "nsp:correlationKey=\"case Id\"");

        AssertProblem(xml, "Message_Police", "has no name");
        AssertProblem(xml, "Message_Police", "not valid JavaScript");
    }

    [Fact]
    public void Call_activity_without_called_element()
    {
        AssertProblem(PathwayWith("calledElement=\"shelter-period\" ", ""), "Activity_Period", "calledElement");
    }

    [Fact]
    public void Bad_variable_mapping()
    {
        AssertProblem(PathwayWith("nsp:inputs=\"caseId, periodEnd=end\"", "nsp:inputs=\"case.id\""), "Activity_Period", "nsp:inputs");
    }

    [Fact]
    public void Intermediate_timer_with_a_cycle()
    {
        var xml = TestBpmn.Linear("""
            <bpmn:intermediateCatchEvent id="Node"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            """);

        AssertProblem(xml, "Node", "only non-interrupting boundary timers may repeat");
    }
}

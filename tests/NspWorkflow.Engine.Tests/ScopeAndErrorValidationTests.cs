namespace NspWorkflow.Engine.Tests;

/// <summary>
/// The rules of embedded sub-processes and error events an administrator can break in the modeller, each refused naming
/// the element: a sub-process without its own start, a flow across its border, an error nothing defines, an error
/// boundary that does not interrupt or sits on a task that cannot raise one.
/// </summary>
public sealed class ScopeAndErrorValidationTests
{
    private const string Errors = """<bpmn:error id="Err" name="Overlap" errorCode="period-overlap" />""";

    /// <summary>Start → sub-process S (holding <paramref name="inside"/>) → end E; <paramref name="extra"/> beside it.</summary>
    private static string WithSubProcess(string inside, string extra = "", string afterProcess = Errors) => TestBpmn.Wrap($"""
        <bpmn:startEvent id="StartEvent_1" />
        <bpmn:sequenceFlow id="F_In" sourceRef="StartEvent_1" targetRef="S" />
        <bpmn:subProcess id="S" name="Review">
          {inside}
        </bpmn:subProcess>
        <bpmn:sequenceFlow id="F_Out" sourceRef="S" targetRef="E" />
        <bpmn:endEvent id="E" />
        {extra}
        """, afterProcess: afterProcess);

    private const string Plain = """
        <bpmn:startEvent id="S_Start" />
        <bpmn:sequenceFlow id="F_S1" sourceRef="S_Start" targetRef="S_Task" />
        <bpmn:userTask id="S_Task" nsp:assigneeRole="coordinator" />
        <bpmn:sequenceFlow id="F_S2" sourceRef="S_Task" targetRef="S_End" />
        <bpmn:endEvent id="S_End" />
        """;

    [Fact]
    public void A_sub_process_with_its_own_start_and_end_and_an_error_boundary_is_valid()
    {
        Assert.Empty(TestBpmn.Check(WithSubProcess(Plain, """
            <bpmn:boundaryEvent id="B" attachedToRef="S"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F_B" sourceRef="B" targetRef="E" />
            """)));
    }

    [Fact]
    public void A_sub_process_needs_a_start_event_of_its_own()
    {
        var problems = TestBpmn.Check(WithSubProcess("""
            <bpmn:userTask id="S_Task" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="F_S2" sourceRef="S_Task" targetRef="S_End" />
            <bpmn:endEvent id="S_End" />
            """));

        Assert.Contains(problems, p => p.ElementId == "S" && p.Message.Contains("has no start event", StringComparison.Ordinal));
    }

    [Fact]
    public void A_flow_may_not_cross_the_border_of_a_sub_process()
    {
        var problems = TestBpmn.Check(WithSubProcess(Plain.Replace("""targetRef="S_End" """, """targetRef="E" """, StringComparison.Ordinal)));

        var problem = Assert.Single(problems, p => p.ElementId == "F_S2");
        Assert.Contains("crosses the border of a sub-process", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_end_event_must_name_a_defined_error()
    {
        var problems = TestBpmn.Check(WithSubProcess(Plain.Replace("""<bpmn:endEvent id="S_End" />""",
            """<bpmn:endEvent id="S_End"><bpmn:errorEventDefinition errorRef="Nope" /></bpmn:endEvent>""", StringComparison.Ordinal)));

        var problem = Assert.Single(problems);
        Assert.Equal("S_End", problem.ElementId);
        Assert.Contains("names error 'Nope', which is not defined", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_needs_a_code()
    {
        var problems = TestBpmn.Check(WithSubProcess(Plain, afterProcess: """<bpmn:error id="Err" name="Overlap" />"""));

        var problem = Assert.Single(problems);
        Assert.Equal("Err", problem.ElementId);
        Assert.Contains("no error code", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_boundary_event_always_interrupts()
    {
        var problems = TestBpmn.Check(WithSubProcess(Plain, """
            <bpmn:boundaryEvent id="B" attachedToRef="S" cancelActivity="false"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F_B" sourceRef="B" targetRef="E" />
            """));

        var problem = Assert.Single(problems);
        Assert.Equal("B", problem.ElementId);
        Assert.Contains("does not interrupt", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boundary_event_is_drawn_in_the_same_sub_process_as_its_activity()
    {
        var problems = TestBpmn.Check(WithSubProcess(Plain, """
            <bpmn:boundaryEvent id="B" attachedToRef="S_Task"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F_B" sourceRef="B" targetRef="E" />
            """));

        var problem = Assert.Single(problems);
        Assert.Equal("B", problem.ElementId);
        Assert.Contains("inside another sub-process than its activity 'S_Task'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_boundary_on_a_user_task_is_refused_naming_it()
    {
        var problems = TestBpmn.Check(TestBpmn.Wrap("""
            <bpmn:startEvent id="StartEvent_1" />
            <bpmn:sequenceFlow id="F_In" sourceRef="StartEvent_1" targetRef="T" />
            <bpmn:userTask id="T" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="F_Out" sourceRef="T" targetRef="E" />
            <bpmn:endEvent id="E" />
            <bpmn:boundaryEvent id="B" attachedToRef="T"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F_B" sourceRef="B" targetRef="E" />
            """));

        var problem = Assert.Single(problems);
        Assert.Equal("B", problem.ElementId);
        Assert.Contains("user task 'T', which cannot raise one", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_sub_process_is_refused_naming_it()
    {
        var problems = TestBpmn.Check(WithSubProcess(Plain).Replace("""<bpmn:subProcess id="S" name="Review">""",
            """<bpmn:subProcess id="S" name="Review" triggeredByEvent="true">""", StringComparison.Ordinal));

        Assert.Contains(problems, p => p.ElementId == "S" && p.Message.Contains("event sub-process", StringComparison.Ordinal));
    }

    [Fact]
    public void The_start_event_of_a_sub_process_has_no_timer()
    {
        var problems = TestBpmn.Check(WithSubProcess(Plain.Replace("""<bpmn:startEvent id="S_Start" />""",
            """<bpmn:startEvent id="S_Start"><bpmn:timerEventDefinition><bpmn:timeDate>2027-01-15T08:00:00+01:00</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>""",
            StringComparison.Ordinal)));

        var problem = Assert.Single(problems);
        Assert.Equal("S_Start", problem.ElementId);
        Assert.Contains("has a timer; a sub-process starts when a token enters it", problem.Message, StringComparison.Ordinal);
    }
}

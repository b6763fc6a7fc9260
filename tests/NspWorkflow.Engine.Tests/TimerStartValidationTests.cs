using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Parsing;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Tests;

/// <summary>
/// A timer start event may start its process at a date or on a cycle from a start date; a duration, a cycle without a
/// start, an expression, or any trigger but a timer is refused, each problem naming the start event.
/// </summary>
public sealed class TimerStartValidationTests
{
    /// <summary>Start_Round with <paramref name="definitions"/> → a user task → the end.</summary>
    private static string Round(string definitions) => TestBpmn.Wrap($"""
        <bpmn:startEvent id="Start_Round" name="Yearly round">{definitions}</bpmn:startEvent>
        <bpmn:sequenceFlow id="F_1" sourceRef="Start_Round" targetRef="Task" />
        <bpmn:userTask id="Task" nsp:assigneeRole="coordinator" />
        <bpmn:sequenceFlow id="F_2" sourceRef="Task" targetRef="End" />
        <bpmn:endEvent id="End" />
        """);

    private static string Timer(string part) => $"<bpmn:timerEventDefinition>{part}</bpmn:timerEventDefinition>";

    private static TimerDefinition? StartTimer(string xml) =>
        new BpmnParser().Parse(xml).Document!.Processes[0].NodesInOrder.OfType<StartEvent>().Single().Timer;

    /// <summary>The one problem of the file: on the start event, saying <paramref name="words"/>.</summary>
    private static ValidationProblem SingleProblemOnStart(string xml, string words) => ProblemOnStart(Assert.Single(TestBpmn.Check(xml)), words);

    /// <summary>The start event's one problem; the process has no start event it can use besides (its own problem).</summary>
    private static ValidationProblem UnusableStart(string xml, string words)
    {
        var problems = TestBpmn.Check(xml);
        Assert.Contains(problems, p => p.ElementId == "Process_1" && p.Message.Contains("has no start event", StringComparison.Ordinal));
        return ProblemOnStart(Assert.Single(problems, p => p.ElementId != "Process_1"), words);
    }

    private static ValidationProblem ProblemOnStart(ValidationProblem problem, string words)
    {
        Assert.Equal("Start_Round", problem.ElementId);
        Assert.Contains("'Start_Round'", problem.Message, StringComparison.Ordinal);
        Assert.Contains(words, problem.Message, StringComparison.Ordinal);
        return problem;
    }

    [Fact]
    public void A_plain_start_event_has_no_timer()
    {
        Assert.Null(StartTimer(Round("")));
        Assert.Empty(TestBpmn.Check(Round("")));
    }

    [Fact]
    public void A_date_starts_the_process_once()
    {
        var xml = Round(Timer("""<bpmn:timeDate xsi:type="bpmn:tFormalExpression">2027-01-15T08:00:00+01:00</bpmn:timeDate>"""));

        Assert.Empty(TestBpmn.Check(xml));
        var date = Assert.IsType<DateTimer>(StartTimer(xml));
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 7, 0, 0, TimeSpan.Zero), date.Date);
    }

    [Fact]
    public void A_cycle_from_a_start_date_starts_it_repeatedly()
    {
        var xml = Round(Timer("""<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/2027-01-15T08:00:00+01:00/P1Y</bpmn:timeCycle>"""));

        Assert.Empty(TestBpmn.Check(xml));
        var cycle = Assert.IsType<AnchoredCycleTimer>(StartTimer(xml));
        Assert.Equal((new DateTimeOffset(2027, 1, 15, 7, 0, 0, TimeSpan.Zero), new IsoDuration(1, 0, 0, 0, 0, 0), (int?)null),
            (cycle.Start, cycle.Interval, cycle.Repetitions));
    }

    [Fact]
    public void A_duration_is_refused_because_it_would_count_from_nothing()
    {
        SingleProblemOnStart(Round(Timer("<bpmn:timeDuration>P1D</bpmn:timeDuration>")), "is a duration ('P1D')");
    }

    [Fact]
    public void A_cycle_without_a_start_date_is_refused()
    {
        SingleProblemOnStart(Round(Timer("<bpmn:timeCycle>R3/P1D</bpmn:timeCycle>")), "cycle without a start date");
    }

    [Theory]
    [InlineData("<bpmn:timeDate>=addDays(now(), 1)</bpmn:timeDate>")]
    [InlineData("<bpmn:timeCycle>=cycle</bpmn:timeCycle>")]
    public void An_expression_is_refused_because_nothing_has_variables_yet(string part)
    {
        SingleProblemOnStart(Round(Timer(part)), "no variables");
    }

    [Fact]
    public void Days_before_a_variable_is_refused_as_an_expression()
    {
        SingleProblemOnStart(Round("""<bpmn:timerEventDefinition nsp:daysBefore="7" nsp:before="periodEnd" />"""), "no variables");
    }

    [Fact]
    public void A_timer_that_does_not_parse_says_why()
    {
        var problem = SingleProblemOnStart(Round(Timer("<bpmn:timeCycle>R/2027-01-15/P1Y</bpmn:timeCycle>")), "does not parse");
        Assert.Contains("time zone", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<bpmn:messageEventDefinition />", "message trigger")]
    [InlineData("<bpmn:signalEventDefinition />", "signal trigger")]
    [InlineData("<bpmn:conditionalEventDefinition />", "conditional trigger")]
    public void Other_triggers_stay_unsupported(string definition, string words)
    {
        var problem = UnusableStart(Round(definition), words);
        Assert.Contains("plain", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timer_with_a_second_trigger_is_refused()
    {
        UnusableStart(Round(Timer("<bpmn:timeDate>2027-01-15T08:00:00Z</bpmn:timeDate>") + "<bpmn:messageEventDefinition />"),
            "at most one trigger");
    }

    [Fact]
    public void A_timer_start_event_is_still_the_one_start_event()
    {
        var xml = Round(Timer("<bpmn:timeDate>2027-01-15T08:00:00Z</bpmn:timeDate>")).Replace(
            "<bpmn:endEvent id=\"End\" />",
            "<bpmn:endEvent id=\"End\" /><bpmn:startEvent id=\"Start_Hand\" /><bpmn:sequenceFlow id=\"F_3\" sourceRef=\"Start_Hand\" targetRef=\"Task\" />",
            StringComparison.Ordinal);

        var problem = Assert.Single(TestBpmn.Check(xml));
        Assert.Equal("Start_Hand", problem.ElementId);
        Assert.Contains("one start event too many", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_from_a_start_date_is_refused_on_a_boundary_event()
    {
        var xml = Round("").Replace("<bpmn:endEvent id=\"End\" />", """
            <bpmn:endEvent id="End" />
            <bpmn:boundaryEvent id="Remind" cancelActivity="false" attachedToRef="Task">
              <bpmn:timerEventDefinition><bpmn:timeCycle>R/2027-01-15T08:00:00Z/P1M</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F_Remind" sourceRef="Remind" targetRef="Reminded" />
            <bpmn:endEvent id="Reminded" />
            """, StringComparison.Ordinal);

        var problem = Assert.Single(TestBpmn.Check(xml));
        Assert.Equal("Remind", problem.ElementId);
        Assert.Contains("only a timer start event may", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_from_a_start_date_is_refused_on_an_intermediate_catch_event()
    {
        var xml = TestBpmn.Linear("""
            <bpmn:intermediateCatchEvent id="Node"><bpmn:timerEventDefinition><bpmn:timeCycle>R/2027-01-15T08:00:00Z/P1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            """);

        var problems = TestBpmn.Check(xml);
        Assert.Contains(problems, p => p.ElementId == "Node" && p.Message.Contains("only a timer start event may", StringComparison.Ordinal));
    }
}

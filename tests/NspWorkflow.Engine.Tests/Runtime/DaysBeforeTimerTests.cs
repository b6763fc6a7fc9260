namespace NspWorkflow.Engine.Tests.Runtime;

/// <summary>A lead time written as a number (<c>nsp:daysBefore</c>, <c>nsp:before</c>): what an administrator changes in the designer.</summary>
public class DaysBeforeTimerTests
{
    [Fact]
    public void The_timer_fires_that_many_calendar_days_before_the_date_variable()
    {
        var host = new RuntimeHarness("Runtime/days-before.bpmn");
        var endsAt = RuntimeHarness.T0.AddDays(30);
        host.Start(new { endsAt });

        Assert.Equal(endsAt.AddDays(-10), host.Timer("Boundary_Remind").DueAt);
        host.Time.SetUtcNow(endsAt.AddDays(-10));
        host.FireTimer("Boundary_Remind");
        Assert.Equal(["Boundary_Remind", "Send_Reminder", "End_Reminded"], host.Entered());
    }

    [Theory]
    [InlineData("""nsp:daysBefore="-3" nsp:before="endsAt" """, "nsp:daysBefore must be a whole number of days from 0 to 3650, not '-3'")]
    [InlineData("""nsp:daysBefore="seven" nsp:before="endsAt" """, "not 'seven'")]
    [InlineData("""nsp:daysBefore="7" """, "nsp:daysBefore and nsp:before belong together")]
    [InlineData("""nsp:daysBefore="7" nsp:before="ends at" """, "nsp:before must name a date variable")]
    public void A_lead_time_that_is_not_a_number_of_days_before_a_variable_is_named_at_its_event(string attributes, string expected)
    {
        var problems = TestBpmn.Check(TestBpmn.Load("Runtime/days-before.bpmn").Replace("""nsp:daysBefore="10" nsp:before="endsAt" """, attributes));

        var problem = Assert.Single(problems);
        Assert.Equal("Boundary_Remind", problem.ElementId);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void A_lead_time_beside_a_date_is_refused()
    {
        var xml = TestBpmn.Load("Runtime/days-before.bpmn").Replace("""nsp:before="endsAt" />""",
            """nsp:before="endsAt"><bpmn:timeDate>=addDays(endsAt, -7)</bpmn:timeDate></bpmn:timerEventDefinition>""");

        var problem = Assert.Single(TestBpmn.Check(xml));
        Assert.Equal("Boundary_Remind", problem.ElementId);
        Assert.Contains("both nsp:daysBefore and a duration, date or cycle", problem.Message);
    }
}

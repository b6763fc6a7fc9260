using System.Collections.Immutable;
using NspWorkflow.Engine.Expressions;

namespace NspWorkflow.Engine.Tests;

public class ExpressionTests : EvaluatorTestBase
{
    [Fact]
    public void Arithmetic()
    {
        Assert.Equal(7.0, Run("1 + 2 * 3").Value);
        Assert.Equal("ab", Run("'a' + 'b'").Value);
    }

    [Fact]
    public void Variables_are_visible_as_globals()
    {
        var variables = new Dictionary<string, object?>
        {
            ["days"] = 12,
            ["decision"] = "granted",
            ["approved"] = true,
            ["nothing"] = null,
            ["amounts"] = new[] { 1, 2, 3 },
            ["person"] = new Dictionary<string, object?> { ["age"] = 30 },
        };

        Assert.Equal(true, Run("decision === 'granted' && days > 10 && approved && nothing === null", variables).Value);
        Assert.Equal(6.0, Run("amounts.reduce((a, b) => a + b, 0)", variables).Value);
        Assert.Equal(30.0, Run("person.age", variables).Value);
    }

    [Fact]
    public void Calendar_arithmetic_keeps_the_time_of_day_of_the_calendar_time_zone_across_summer_time()
    {
        var sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var inSweden = new ExpressionEvaluator(calendar: sweden);
        // 08:00 on 2 April (summer time, +02:00); seven days earlier is 26 March, still winter time (+01:00).
        var variables = new Dictionary<string, object?> { ["lastDayMorning"] = "2026-04-02T08:00:00+02:00" };

        Assert.Equal(new DateTimeOffset(2026, 3, 26, 8, 0, 0, TimeSpan.FromHours(1)),
            inSweden.Evaluate("addDays(lastDayMorning, -7)", variables, Time).Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(1)),
            inSweden.Evaluate("addMonths('2026-10-02T08:00:00+02:00', 1)", variables, Time).Value);
        // Counted in UTC (the default) the same reminder lands an hour off the Swedish clock.
        Assert.Equal(new DateTimeOffset(2026, 3, 26, 6, 0, 0, TimeSpan.Zero), Run("addDays(lastDayMorning, -7)", variables).Value);
    }

    [Fact]
    public void Dates_go_in_and_come_out_as_dates()
    {
        var end = new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);
        var variables = new Dictionary<string, object?> { ["periodEnd"] = end };

        Assert.Equal(end.AddDays(-7), Run("=addDays(periodEnd, -7)", variables).Value);
        Assert.Equal(new DateTimeOffset(2025, 7, 30, 0, 0, 0, TimeSpan.Zero), Run("addMonths('2025-06-30T00:00:00Z', 1)").Value);
        Assert.Equal(end.AddMonths(1), Run("addDuration(periodEnd, 'P1M')", variables).Value);
        Assert.Equal(Time.GetUtcNow(), Run("now()").Value);
        Assert.Equal(true, Run("periodEnd > now()", variables).Value);
        Assert.Equal(2025.0, Run("periodEnd.getUTCFullYear()", variables).Value);
    }

    [Fact]
    public void Due_time_from_expression()
    {
        var start = Time.GetUtcNow();

        Assert.Equal(start.AddDays(3), evaluator.EvaluateDueTime("=addDays(now(), 3)", new Dictionary<string, object?>(), Time, start).Value);
        Assert.Equal(start.AddHours(2), evaluator.EvaluateDueTime("='PT2H'", new Dictionary<string, object?>(), Time, start).Value);
        Assert.False(evaluator.EvaluateDueTime("=42", new Dictionary<string, object?>(), Time, start).Succeeded);
    }

    [Fact]
    public void Helper_misuse_is_an_error_not_an_exception()
    {
        Assert.Contains("needs a date", Failure(Run("addDays('tomorrow', 1)")));
        Assert.Contains("whole number", Failure(Run("addDays(now(), 1.5)")));
    }

    [Fact]
    public void Conditions_must_be_boolean()
    {
        Assert.Equal(true, evaluator.EvaluateCondition("1 < 2", new Dictionary<string, object?>(), Time).Value);
        Assert.Contains("instead of true or false", evaluator.EvaluateCondition("'yes'", new Dictionary<string, object?>(), Time).Error);
    }

    [Fact]
    public void Syntax_error_is_a_result()
    {
        Assert.Contains("not valid JavaScript", Failure(Run("1 +")));
        Assert.NotNull(evaluator.CheckSyntax("a === ("));
        Assert.Null(evaluator.CheckSyntax("=a === 1"));
    }

    [Fact]
    public void Unknown_variable_is_a_runtime_error()
    {
        Assert.Contains("missing", Failure(Run("missing + 1")));
    }

    [Fact]
    public void Endless_loop_is_stopped()
    {
        Assert.Contains("was stopped", Failure(Run("while(true){}")));
    }

    [Fact]
    public void Deep_recursion_is_stopped()
    {
        Assert.Contains("was stopped", Failure(Run("function f(n) { return f(n + 1) + 1; } f(0)")));
    }

    [Fact]
    public void Memory_hog_is_stopped()
    {
        var error = Failure(new ExpressionEvaluator(new ExpressionLimits { MaxStatements = 10_000_000, Timeout = TimeSpan.FromSeconds(10) })
            .Evaluate("let s = 'x'; while (true) { s = s + s; }", new Dictionary<string, object?>(), Time));

        Assert.Contains("stopped", error);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System')")]
    [InlineData("clrHelpers")]
    [InlineData("eval('1+1')")]
    [InlineData("new Function('return 1')()")]
    [InlineData("now().GetType()")]
    [InlineData("periodEnd.GetType().Assembly")]
    public void Clr_is_out_of_reach(string source)
    {
        var variables = new Dictionary<string, object?> { ["periodEnd"] = DateTimeOffset.UnixEpoch };

        Failure(Run(source, variables));
    }

    [Fact]
    public void Unsupported_variable_values_are_refused()
    {
        var variables = new Dictionary<string, object?> { ["file"] = new FileInfo("/etc/passwd") };

        Assert.Contains("FileInfo", Failure(Run("file", variables)));
        Assert.Contains("cannot be used", Failure(Run("1", new Dictionary<string, object?> { ["now"] = 1 })));
    }

    [Fact]
    public void Returning_a_function_is_an_error()
    {
        Failure(Run("(function () {})"));
    }

    [Fact]
    public void Objects_and_arrays_are_returned_as_immutable_collections()
    {
        var value = Assert.IsType<ImmutableDictionary<string, object?>>(Run("({ a: [1, 'x'], b: null })").Value);

        Assert.Equal([1.0, "x"], Assert.IsType<ImmutableArray<object?>>(value["a"]).ToArray());
        Assert.Null(value["b"]);
    }

    [Fact]
    public void Parsed_scripts_are_reused()
    {
        var before = evaluator.ParseCount;
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal((double)i * 2, Run("x * 2", new Dictionary<string, object?> { ["x"] = i }).Value);
        }

        Run("=x * 2", new Dictionary<string, object?> { ["x"] = 1 });
        Assert.Equal(before + 1, evaluator.ParseCount);
    }

    [Fact]
    public void Evaluations_on_many_threads_do_not_interfere()
    {
        Parallel.For(0, 200, i =>
            Assert.Equal((double)i + 1, Run("n + 1", new Dictionary<string, object?> { ["n"] = i }).Value));
    }

    [Fact]
    public void Pathological_nesting_is_refused_before_parsing()
    {
        var deep = new string('(', 100) + "1" + new string(')', 100);

        Assert.Contains("brackets", Failure(Run(deep)));
    }
}

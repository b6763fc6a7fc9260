namespace NspWorkflow.Engine.Tests;

/// <summary>The expression sandbox against hostile or careless scripts: limits that one native call cannot pass, and messages without variable values.</summary>
public sealed class ExpressionSandboxTests : EvaluatorTestBase
{
    [Theory]
    [InlineData("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)")]
    [InlineData("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000)")]
    public async Task Atomics_wait_cannot_block_past_the_time_limit(string source)
    {
        var evaluation = Task.Run(() => Run(source));

        var finished = await Task.WhenAny(evaluation, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(evaluation, finished);
        Failure(await evaluation);
    }

    [Fact]
    public void A_condition_or_timer_of_the_wrong_type_does_not_copy_the_variable_value_into_the_incident()
    {
        var variables = new Dictionary<string, object?>
        {
            ["applicantName"] = "Anna Svensson",
            ["personalNumber"] = 198001011234L,
            ["birthDate"] = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

        var errors = new[]
        {
            Failure(evaluator.EvaluateCondition("applicantName", variables, Time)),
            Failure(evaluator.EvaluateCondition("personalNumber", variables, Time)),
            Failure(evaluator.EvaluateCondition("birthDate", variables, Time)),
            Failure(evaluator.EvaluateDueTime("=applicantName", variables, Time, Time.GetUtcNow())),
            Failure(evaluator.EvaluateDueTime("=personalNumber", variables, Time, Time.GetUtcNow())),
            Failure(evaluator.EvaluateDueTime("='R' + applicantName", variables, Time, Time.GetUtcNow(), allowCycle: true)),
        };

        Assert.All(errors, error =>
        {
            Assert.DoesNotContain("Anna", error);
            Assert.DoesNotContain("198001011234", error);
            Assert.DoesNotContain("1980", error);
        });
        Assert.Contains("a text instead of true or false", errors[0]);
    }

    [Fact]
    public void A_duration_too_long_to_add_is_a_result_not_an_exception()
    {
        // IsoDuration refuses more than 1 000 years; from a start late enough even that passes the year 9999.
        var start = new DateTimeOffset(9500, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Contains("too long", Failure(evaluator.EvaluateDueTime("='P1000Y'", new Dictionary<string, object?>(), Time, start)));
        Assert.False(evaluator.EvaluateDueTime("='P12000M'", new Dictionary<string, object?>(), Time, start).Succeeded);
    }

    [Theory]
    [InlineData("new ArrayBuffer(2e8).byteLength")]
    [InlineData("new Uint8Array(2e8).length")]
    [InlineData("new Float64Array(2.5e7).length")]
    [InlineData("new DataView(new ArrayBuffer(2e8)).byteLength")]
    [InlineData("new (Object.getPrototypeOf(Int8Array.prototype).constructor)(2e8)")]
    public void A_binary_buffer_cannot_allocate_past_the_memory_limit(string source)
    {
        // 200 MB in one native call, before Jint's per-statement memory check could see it; the limit is 4 MB.
        Failure(Run(source));
    }

    [Theory]
    [InlineData("'approved' in decision")]
    [InlineData("'approved' in person.name")]
    [InlineData("BigInt(decision)")]
    [InlineData("Symbol.keyFor(decision)")]
    [InlineData("Object.setPrototypeOf({}, decision)")]
    [InlineData("new Intl.DateTimeFormat(decision)")]
    [InlineData("throw new Error('no decision: ' + decision)")]
    [InlineData("Symbol.keyFor(personalNumber)")]
    public void A_runtime_error_does_not_copy_a_variable_value_into_the_incident(string source)
    {
        var variables = new Dictionary<string, object?>
        {
            ["decision"] = "Anna Svensson",
            ["personalNumber"] = 198001011234L,
            ["person"] = System.Text.Json.JsonDocument.Parse("""{ "name": "Anna Svensson" }""").RootElement,
        };

        var error = Failure(Run(source, variables));

        Assert.DoesNotContain("Anna", error);
        Assert.DoesNotContain("198001011234", error);
        Assert.StartsWith("The expression failed: ", error);
    }

    [Fact]
    public void Redaction_keeps_what_the_administrator_wrote()
    {
        Assert.Contains("missing is not defined", Failure(Run("missing + 1", new Dictionary<string, object?> { ["decision"] = "is" })));
        Assert.Contains("'approved'", Failure(Run("'approved' in decision", new Dictionary<string, object?> { ["decision"] = "granted" })));
    }

    [Theory]
    [InlineData("new Date(8.64e15)")]
    [InlineData("new Date(-8.64e15)")]
    [InlineData("new Date(253402300800000)")]
    [InlineData("new Date(Date.UTC(-1, 0))")]
    public void A_valid_javascript_date_beyond_the_years_1_to_9999_is_a_sentence_not_a_dotnet_exception(string source)
    {
        var error = Failure(evaluator.EvaluateDueTime("=" + source, new Dictionary<string, object?>(), Time, Time.GetUtcNow()));

        Assert.Equal("The expression's result is a date outside the years 1 to 9999.", error);
    }

    [Theory]
    [InlineData("'x'.repeat(2**27).length")]
    [InlineData("'xy'.repeat(2**26).length")]
    [InlineData("String.prototype.repeat.call({ toString() { return 'x' } }, 2**27).length")]
    public void Repeat_cannot_build_a_text_past_the_memory_limit_in_one_call(string source)
    {
        // 2^27 characters are 256 MB, built in one native call the per-statement memory check never sees (2^28 also
        // took three seconds, past the time limit). The limit is 4 MB.
        Assert.Contains("longer than", Failure(Run(source)));
    }

    [Fact]
    public void Repeat_still_works_within_the_limit()
    {
        Assert.Equal("ababab", Run("'ab'.repeat(3)").Value);
        Assert.Equal(1_000_000.0, Run("'x'.repeat(1e6).length").Value);
        Assert.Contains("Invalid count value", Failure(Run("'x'.repeat(-1)")));
        Failure(Run("String.prototype.repeat.call(null, 2)"));
    }

    // Probes that held when written (no bug found); kept because each guards a way out of the sandbox.

    [Theory]
    [InlineData("(function(){}).constructor('return 1')()")]
    [InlineData("(() => 1).constructor('return globalThis')()")]
    [InlineData("(async function(){}).constructor('return 1')")]
    [InlineData("(function*(){}).constructor('yield 1')")]
    [InlineData("Reflect.construct(Function, ['return 1'])")]
    public void Function_constructors_reached_through_a_function_cannot_compile_strings(string source)
    {
        Assert.Contains("String compilation has been disabled", Failure(Run(source)));
    }

    [Fact]
    public void Changes_to_built_ins_do_not_survive_into_the_next_evaluation_of_the_same_cached_script()
    {
        const string Source = "Object.prototype.count = (Object.prototype.count || 0) + 1; Array.prototype.includes = () => true; [({}).count, [1].includes(2)]";

        var first = Assert.IsType<System.Collections.Immutable.ImmutableArray<object?>>(Run(Source).Value);
        var second = Assert.IsType<System.Collections.Immutable.ImmutableArray<object?>>(Run(Source).Value);

        Assert.Equal([1.0, true], first.ToArray());
        Assert.Equal([1.0, true], second.ToArray());
        Assert.Equal(false, Run("[1].includes(2) || ({}).count !== undefined").Value);
    }

    [Theory]
    [InlineData("/(a+)+$/.test('a'.repeat(40) + 'b')", "stopped")]
    [InlineData("JSON.parse('['.repeat(100000))", "depth")]
    [InlineData("function* g() { while (true) yield 1 } [...g()]", "stopped")]
    [InlineData("'aaaa'.replace(/a/g, () => { while (true) {} })", "stopped")]
    [InlineData("({ get a() { while (true) {} } })", "stopped")]
    [InlineData("new Array(1e9).fill(0).length", "stopped")]
    [InlineData("Array(1e9).join()", "stopped")]
    [InlineData("'x'.repeat(1e9)", "longer than")]
    [InlineData("Promise.resolve(1)", "cannot be returned")]
    [InlineData("Symbol('x')", "cannot be returned")]
    [InlineData("new Date(8.64e15 + 1)", "invalid Date")]
    public void Hostile_expressions_end_as_results(string source, string words)
    {
        Assert.Contains(words, Failure(Run(source)));
    }
}

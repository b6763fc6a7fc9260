using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Engine.Expressions;

namespace NspWorkflow.Engine.Tests;

public class ReviewExpressionTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ExpressionEvaluator evaluator = new();

    private ExpressionResult Run(string source, IReadOnlyDictionary<string, object?>? variables = null) =>
        evaluator.Evaluate(source, variables ?? new Dictionary<string, object?>(), Time);

    private static string Failure(ExpressionResult result)
    {
        Assert.False(result.Succeeded);
        return result.Error!;
    }

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
}

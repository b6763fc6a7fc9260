using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Engine.Expressions;

namespace NspWorkflow.Engine.Tests;

/// <summary>An evaluator with default limits and a fixed clock, and the two ways expression tests read a result.</summary>
public abstract class EvaluatorTestBase
{
    protected static readonly FakeTimeProvider Time = new(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero));
    protected readonly ExpressionEvaluator evaluator = new();

    protected ExpressionResult Run(string source, IReadOnlyDictionary<string, object?>? variables = null) =>
        evaluator.Evaluate(source, variables ?? new Dictionary<string, object?>(), Time);

    protected static string Failure(ExpressionResult result)
    {
        Assert.False(result.Succeeded);
        return result.Error!;
    }
}

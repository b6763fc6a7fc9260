namespace NspWorkflow.Engine.Expressions;

/// <summary>
/// The outcome of an expression: a .NET value (null, bool, double, string, DateTimeOffset, ImmutableArray&lt;object?&gt;
/// or ImmutableDictionary&lt;string, object?&gt;) or an error message for the instance's incident.
/// </summary>
public sealed record ExpressionResult(bool Succeeded, object? Value, string? Error)
{
    public static ExpressionResult Ok(object? value) => new(true, value, null);
    public static ExpressionResult Fail(string error) => new(false, null, error);
}

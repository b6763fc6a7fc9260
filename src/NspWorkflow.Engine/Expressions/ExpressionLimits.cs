namespace NspWorkflow.Engine.Expressions;

/// <summary>
/// Sandbox limits for one evaluation. Conditions and timer expressions are one-liners; these bounds are far above
/// what they need and far below what could hurt a server.
/// </summary>
public sealed record ExpressionLimits
{
    public int MaxStatements { get; init; } = 10_000;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
    public long MaxMemoryBytes { get; init; } = 4 * 1024 * 1024;
    public int MaxRecursion { get; init; } = 64;
    /// <summary>Longer sources are refused before parsing; an expression is not a program.</summary>
    public int MaxSourceLength { get; init; } = 4_000;
    /// <summary>Bracket nesting refused before parsing, so a pathological source cannot exhaust the parser's stack.</summary>
    public int MaxNesting { get; init; } = 32;
    /// <summary>Parsed scripts kept; when full the cache is emptied (definitions have few distinct expressions).</summary>
    public int CacheCapacity { get; init; } = 1_000;

    public static ExpressionLimits Default { get; } = new();
}

namespace NspWorkflow.Engine.Expressions;

/// <summary>Source normalisation and cheap checks done before the parser sees the text.</summary>
public static class ExpressionSyntax
{
    /// <summary>Drops the leading <c>=</c> that marks expressions in timer fields (and is allowed in conditions).</summary>
    public static string Normalize(string source)
    {
        var trimmed = source.Trim();
        return trimmed.StartsWith('=') ? trimmed[1..].Trim() : trimmed;
    }

    internal static string? CheckShape(string source, ExpressionLimits limits)
    {
        if (source.Length == 0)
        {
            return "it is empty.";
        }

        if (source.Length > limits.MaxSourceLength)
        {
            return $"it is longer than {limits.MaxSourceLength} characters.";
        }

        var depth = 0;
        foreach (var c in source)
        {
            depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
            if (depth > limits.MaxNesting)
            {
                return $"it nests brackets deeper than {limits.MaxNesting} levels.";
            }
        }

        return null;
    }
}

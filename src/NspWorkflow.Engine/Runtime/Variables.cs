using System.Collections.Immutable;
using System.Text.Json;
using NspWorkflow.Engine.Expressions;

namespace NspWorkflow.Engine.Runtime;

/// <summary>Instance variables are JSON values, so an instance stores as JSON and expressions see plain JS values.</summary>
public static class Variables
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = null };

    public static ImmutableSortedDictionary<string, JsonElement> Empty { get; } = ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal);

    public static JsonElement ToJson(object? value) => value switch
    {
        JsonElement element => element.Clone(),
        _ => JsonSerializer.SerializeToElement(value, JsonOptions),
    };

    /// <summary>Null when <paramref name="name"/> can be a variable; else why not. Expressions see variables as globals.</summary>
    public static string? CheckName(string name) =>
        !JsConversion.IsIdentifier(name) ? $"The variable name '{name}' is not a JavaScript identifier."
        : ExpressionEvaluator.HelperNames.Contains(name) ? $"The variable name '{name}' is reserved for a helper function."
        : null;

    /// <summary>Converts the host's values; null with an error message when a name or value is not allowed.</summary>
    internal static ImmutableSortedDictionary<string, JsonElement>? Merge(ImmutableSortedDictionary<string, JsonElement> target,
        IEnumerable<KeyValuePair<string, object?>>? values, out string? error)
    {
        error = null;
        if (values is null)
        {
            return target;
        }

        var builder = target.ToBuilder();
        foreach (var (name, value) in values)
        {
            if (CheckName(name) is { } nameError)
            {
                error = nameError;
                return null;
            }

            try
            {
                builder[name] = ToJson(value);
            }
            catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
            {
                error = $"The variable '{name}' cannot be stored as JSON: {ex.Message}";
                return null;
            }
        }

        return builder.ToImmutable();
    }

    internal static IReadOnlyDictionary<string, object?> ForExpressions(ImmutableSortedDictionary<string, JsonElement> variables) =>
        variables.ToDictionary(kv => kv.Key, kv => (object?)kv.Value, StringComparer.Ordinal);
}

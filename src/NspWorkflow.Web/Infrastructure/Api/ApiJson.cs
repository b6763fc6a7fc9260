using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using NspWorkflow.Domain;

namespace NspWorkflow.Web.Infrastructure.Api;

/// <summary>
/// How the API reads JSON: enum values by name, and no field the request does not have. A misspelt field would otherwise
/// be dropped without a word and its value lost; instead the request is refused with 422 naming the field's JSON path
/// (<see cref="BadRequestMiddleware"/> for bodies, the task forms for a completion's <c>data</c>).
/// </summary>
public static partial class ApiJson
{
    // System.Text.Json says an unknown member only in its message (JsonUnmappedMemberHandling.Disallow); the tests that
    // expect a 422 naming the field would fail should its wording change.
    private const string UnmappedMemberMessage = "could not be mapped to any .NET member";
    private const string DepthMessage = "maximum configured depth";

    /// <summary>System.Text.Json's depth when the options do not set one.</summary>
    public const int DefaultMaxDepth = 64;

    public static IServiceCollection AddNspApiJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        // Only in the exception does the framework say what was wrong with a body; without it, a bare 400 in production.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Answers the requests the framework could not bind; after the request's language is chosen, as it words the answer.</summary>
    public static IApplicationBuilder UseNspBadRequests(this IApplicationBuilder app) => app.UseMiddleware<BadRequestMiddleware>();

    /// <summary>
    /// What was wrong with a JSON body (or a part of one, <paramref name="parent"/>: <c>data</c>) as a violation naming the
    /// field by its JSON path as the API names fields (<c>children[0].birthYear</c>; <c>$</c> for the whole body): a field
    /// the type does not have, a value of the wrong kind (worded by what the field takes), JSON cut off or not JSON (with
    /// the line and position), or nested deeper than <paramref name="maxDepth"/>. Built from the exception's path, its
    /// position and the type it names, never from its message's quotation of the input.
    /// </summary>
    public static RuleViolation ViolationOf(JsonException exception, Type? target, string? parent = null, int maxDepth = DefaultMaxDepth)
    {
        var field = FieldOf(exception.Path, parent);
        if (UnknownField(exception, parent) is { } unknown)
            return new(unknown, RuleViolationCode.UnknownField);
        if (exception.Message.Contains(DepthMessage, StringComparison.Ordinal))
            // The path of the innermost level says little; the field the nesting started in is the one to fix.
            return new(TopField(field), RuleViolationCode.TooDeep, maxDepth);
        if (exception.InnerException?.GetType().Name == "JsonReaderException")
            return new(field, RuleViolationCode.InvalidJson, (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1);
        var expected = (target is null ? null : ExpectedOf(TypeAt(target, exception.Path)))
            ?? (ConvertedTo().Match(exception.Message) is { Success: true } match ? ExpectedOf(match.Groups["type"].Value) : null);
        return expected is { } kind ? new(field, RuleViolationCode.WrongType, kind) : new(field, RuleViolationCode.Invalid);
    }

    /// <summary>The .NET type of the value at <paramref name="path"/> (<c>$.children[1].birthYear</c>) under <paramref name="root"/>; null when the path leaves it.</summary>
    private static Type? TypeAt(Type root, string? path)
    {
        if (path is null || !path.StartsWith('$'))
            return null;
        Type? type = root;
        foreach (Match segment in PathSegment().Matches(path[1..]))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (segment.Groups["index"].Success)
                type = ElementOf(type);
            else
            {
                var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value.Replace("''", "'");
                type = DictionaryValueOf(type) ?? type.GetProperty(name,
                    System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.PropertyType;
            }

            if (type is null)
                return null;
        }

        return type;
    }

    /// <summary>
    /// <paramref name="field"/> (an API field name, as <see cref="ViolationOf"/> gives it) for the log: the names the body's
    /// type declares and the indexes, with every other segment (a dictionary's key, a field the type does not know: text
    /// the client chose) as <c>*</c>, so the log holds no text that was sent.
    /// </summary>
    public static string LoggableField(string field, Type? target)
    {
        if (field == "$")
            return field;
        var loggable = new System.Text.StringBuilder();
        Type? type = target;
        foreach (Match segment in PathSegment().Matches("." + field))
        {
            type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
            if (segment.Groups["index"].Success)
            {
                loggable.Append(segment.Value);
                type = type is null ? null : ElementOf(type);
                continue;
            }

            var name = segment.Groups["name"].Value;
            var property = type is null || DictionaryValueOf(type) is not null ? null
                : type.GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
            type = type is null ? null : DictionaryValueOf(type) ?? property?.PropertyType;
            loggable.Append(loggable.Length == 0 ? "" : ".").Append(property is null ? "*" : name);
        }

        return loggable.ToString();
    }

    private static Type? ElementOf(Type type) => type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValueOf(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    private static ExpectedValue? ExpectedOf(Type? type)
    {
        if (type is null)
            return null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return ExpectedValue.Text;
        if (type.IsPrimitive || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset))
            return ExpectedOf(type.FullName!);
        if (type == typeof(JsonElement) || type.IsEnum)
            return null;
        return DictionaryValueOf(type) is not null ? ExpectedValue.Object
            : ElementOf(type) is not null ? ExpectedValue.List
            : ExpectedValue.Object;
    }

    /// <summary>Whether the violation means the body is not JSON at all (400) rather than JSON the API cannot take (422).</summary>
    public static bool IsUnreadable(RuleViolation violation) => violation.Code is RuleViolationCode.InvalidJson or RuleViolationCode.TooDeep;

    /// <summary>
    /// The field that <paramref name="exception"/> found unknown, as the API names fields (<c>children[0].birthYear</c>),
    /// under <paramref name="parent"/> when the JSON read was a part of the request (<c>data</c>); null for any other problem.
    /// </summary>
    public static string? UnknownField(JsonException exception, string? parent = null)
    {
        if (!exception.Message.Contains(UnmappedMemberMessage, StringComparison.Ordinal) || exception.Path is not { } path
            || !path.StartsWith('$') || path.Length == 1)
            return null;
        return FieldOf(path, parent);
    }

    /// <summary>The API's name of a JSON path: <c>$.children[0].birthYear</c> is <c>children[0].birthYear</c>, <c>$</c> the body.</summary>
    private static string FieldOf(string? path, string? parent)
    {
        var field = path is { Length: > 1 } && path.StartsWith('$') ? path[1..].TrimStart('.') : "";
        return field.Length == 0 ? parent ?? "$"
            : parent is null ? field
            : field.StartsWith('[') ? parent + field : $"{parent}.{field}";
    }

    private static string TopField(string field)
    {
        var end = field.IndexOfAny(['.', '[']);
        return end is -1 or 0 ? field : field[..end];
    }

    /// <summary>What a field of <paramref name="typeName"/> (as System.Text.Json names it) takes; null when it does not say.</summary>
    private static ExpectedValue? ExpectedOf(string typeName)
    {
        var type = typeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal) ? typeName[18..^1] : typeName;
        return type switch
        {
            "System.Int16" or "System.Int32" or "System.Int64" or "System.UInt16" or "System.UInt32" or "System.UInt64"
                or "System.Byte" => ExpectedValue.WholeNumber,
            "System.Decimal" or "System.Double" or "System.Single" => ExpectedValue.Number,
            "System.Boolean" => ExpectedValue.TrueOrFalse,
            "System.DateOnly" or "System.DateTime" or "System.DateTimeOffset" => ExpectedValue.Date,
            "System.Guid" => ExpectedValue.Id,
            "System.String" => ExpectedValue.Text,
            _ when type.EndsWith("[]", StringComparison.Ordinal) || type.StartsWith("System.Collections.Generic.List`1", StringComparison.Ordinal)
                || type.StartsWith("System.Collections.Generic.IReadOnlyList`1", StringComparison.Ordinal) => ExpectedValue.List,
            _ when type.StartsWith("System.Collections.Generic.Dictionary`2", StringComparison.Ordinal)
                || type.StartsWith("NspWorkflow.", StringComparison.Ordinal) => ExpectedValue.Object,
            _ => null,
        };
    }

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\. ")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}

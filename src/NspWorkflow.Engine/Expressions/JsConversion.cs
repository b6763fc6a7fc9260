using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Runtime;
using JsEngine = Jint.Engine;

namespace NspWorkflow.Engine.Expressions;

/// <summary>
/// Copies values between .NET and JavaScript. Copying (instead of wrapping .NET objects) is what keeps the CLR
/// out of reach of scripts: a script only ever sees JS primitives, Dates, arrays and plain objects.
/// </summary>
internal static partial class JsConversion
{
    private const int MaxDepth = 16;
    private static readonly double MinDateMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly double MaxDateMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static bool IsIdentifier(string name) => IdentifierPattern().IsMatch(name);

    /// <summary>
    /// Builds a Date. Helpers pass the constructor they captured before the script ran, because a script may
    /// assign the global <c>Date</c>; variables are converted before the script runs, so the global is still intact.
    /// </summary>
    public static JsValue ToJsDate(JsEngine engine, DateTimeOffset value, JsValue? dateConstructor = null) =>
        engine.Construct(dateConstructor ?? engine.GetValue("Date"), new JsNumber(value.ToUnixTimeMilliseconds()));

    public static bool TryToJs(JsEngine engine, object? value, out JsValue js, out string? error, int depth = 0)
    {
        error = null;
        js = JsValue.Null;
        if (depth > MaxDepth)
        {
            error = $"is nested deeper than {MaxDepth} levels.";
            return false;
        }

        switch (value)
        {
            case null:
                return true;
            case string s:
                js = new JsString(s);
                return true;
            case bool b:
                js = b ? JsBoolean.True : JsBoolean.False;
                return true;
            case int or long or short or byte or sbyte or ushort or uint or ulong or float or double or decimal:
                js = new JsNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                return true;
            case DateTimeOffset d:
                js = ToJsDate(engine, d);
                return true;
            case DateTime d:
                // An unspecified DateTime has no instant; treat it as UTC rather than the server's zone.
                js = ToJsDate(engine, new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc)));
                return true;
            case DateOnly d:
                js = ToJsDate(engine, new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
                return true;
            case JsonElement element:
                return TryJsonToJs(engine, element, out js, out error, depth);
            case IEnumerable<KeyValuePair<string, object?>> map:
                {
                    var obj = new JsObject(engine);
                    foreach (var (key, item) in map)
                    {
                        if (!TryToJs(engine, item, out var v, out error, depth + 1))
                        {
                            return false;
                        }

                        obj.Set(key, v);
                    }

                    js = obj;
                    return true;
                }

            case IEnumerable list:
                {
                    var items = new List<JsValue>();
                    foreach (var item in list)
                    {
                        if (!TryToJs(engine, item, out var v, out error, depth + 1))
                        {
                            return false;
                        }

                        items.Add(v);
                    }

                    js = new JsArray(engine, items.ToArray());
                    return true;
                }

            default:
                error = $"has a value of type {value.GetType().Name}, which expressions cannot use.";
                return false;
        }
    }

    private static bool TryJsonToJs(JsEngine engine, JsonElement element, out JsValue js, out string? error, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return TryToJs(engine, element.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)), out js, out error, depth);
            case JsonValueKind.Array:
                return TryToJs(engine, element.EnumerateArray().Select(e => (object?)e).ToList(), out js, out error, depth);
            case JsonValueKind.String:
                return TryToJs(engine, element.GetString(), out js, out error, depth);
            case JsonValueKind.Number:
                return TryToJs(engine, element.GetDouble(), out js, out error, depth);
            case JsonValueKind.True or JsonValueKind.False:
                return TryToJs(engine, element.GetBoolean(), out js, out error, depth);
            default:
                return TryToJs(engine, null, out js, out error, depth);
        }
    }

    public static bool TryFromJs(JsValue value, out object? result, out string? error, int depth = 0)
    {
        result = null;
        error = null;
        if (depth > MaxDepth)
        {
            error = $"is nested deeper than {MaxDepth} levels.";
            return false;
        }

        if (value.IsNull() || value.IsUndefined())
        {
            return true;
        }

        if (value.IsBoolean())
        {
            result = value.AsBoolean();
            return true;
        }

        if (value.IsNumber())
        {
            result = value.AsNumber();
            return true;
        }

        if (value.IsString())
        {
            result = value.AsString();
            return true;
        }

        if (value.IsDate())
        {
            var ms = value.AsDate().DateValue;
            if (double.IsNaN(ms) || Math.Abs(ms) > 8.64e15)
            {
                error = "is an invalid Date.";
                return false;
            }

            // JavaScript dates reach the year 275760; DateTimeOffset ends with 9999 (and starts with year 1).
            if (ms < MinDateMilliseconds || ms > MaxDateMilliseconds)
            {
                error = "is a date outside the years 1 to 9999.";
                return false;
            }

            result = DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
            return true;
        }

        if (value.IsArray())
        {
            var array = value.AsArray();
            var items = ImmutableArray.CreateBuilder<object?>();
            for (uint i = 0; i < array.Length; i++)
            {
                if (!TryFromJs(array[i], out var item, out error, depth + 1))
                {
                    return false;
                }

                items.Add(item);
            }

            result = items.ToImmutable();
            return true;
        }

        if (value is JsObject obj)
        {
            var map = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
            foreach (var key in obj.GetOwnPropertyKeys(Jint.Runtime.Types.String))
            {
                if (!TryFromJs(obj.Get(key), out var item, out error, depth + 1))
                {
                    return false;
                }

                map[key.AsString()] = item;
            }

            result = map.ToImmutable();
            return true;
        }

        error = $"is a {value.Type.ToString().ToLowerInvariant()}, which cannot be returned.";
        return false;
    }

    /// <summary>
    /// An error message with the variable values it quotes replaced by "(a value)". Jint's messages quote values
    /// ("Cannot use 'in' operator to search for 'x' in Anna Svensson", "Cannot convert Anna to a BigInt") and a script
    /// may throw them, but an incident may hold only what the administrator wrote. Texts of fewer than three characters
    /// stay, so that a variable such as "a" does not blot out ordinary words.
    /// </summary>
    public static string Redact(string message, IReadOnlyDictionary<string, object?> variables)
    {
        var texts = new List<string>();
        foreach (var value in variables.Values)
        {
            CollectTexts(value, texts, 0);
        }

        foreach (var text in texts.Where(t => t.Length >= 3).Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length))
        {
            message = message.Replace(text, "(a value)", StringComparison.Ordinal);
        }

        return message;
    }

    private static void CollectTexts(object? value, List<string> texts, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (value)
        {
            case string s:
                texts.Add(s);
                break;
            case int or long or short or byte or sbyte or ushort or uint or ulong or float or double or decimal:
                texts.Add(NumberText(Convert.ToDouble(value, CultureInfo.InvariantCulture)));
                break;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                texts.Add(element.GetString()!);
                break;
            case JsonElement { ValueKind: JsonValueKind.Number } element:
                texts.Add(NumberText(element.GetDouble()));
                break;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                foreach (var property in element.EnumerateObject())
                {
                    CollectTexts(property.Value, texts, depth + 1);
                }

                break;
            case JsonElement { ValueKind: JsonValueKind.Array } element:
                foreach (var item in element.EnumerateArray())
                {
                    CollectTexts(item, texts, depth + 1);
                }

                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                foreach (var (_, item) in map)
                {
                    CollectTexts(item, texts, depth + 1);
                }

                break;
            case IEnumerable list and not string:
                foreach (var item in list)
                {
                    CollectTexts(item, texts, depth + 1);
                }

                break;
        }
    }

    /// <summary>A number as JavaScript's <c>String(n)</c> prints it (1e15 as 1000000000000000, -0 as 0), not as .NET does.</summary>
    public static string NumberText(double value) => TypeConverter.ToString(JsNumber.Create(value));

    /// <summary>
    /// The kind of a value, for an incident message: never the value itself, which may be personal data from the
    /// instance's variables (a name, a personal number, a birth date) that the administrator never wrote.
    /// </summary>
    public static string Describe(object? value) => value switch
    {
        null => "nothing (null)",
        string => "a text",
        double => "a number",
        bool b => b ? "true" : "false",
        DateTimeOffset => "a date",
        _ => "a list or object",
    };

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IdentifierPattern();
}

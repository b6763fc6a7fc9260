using System.Collections.Frozen;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using NspWorkflow.Engine.Model;
using JsEngine = Jint.Engine;

namespace NspWorkflow.Engine.Expressions;

/// <summary>
/// Evaluates gateway conditions, timer expressions (<c>=addDays(periodEnd, -7)</c>) and correlation keys as
/// JavaScript in a Jint sandbox: strict mode, no CLR access (AllowClr is never called and values are copied into
/// plain JS values, never wrapped), no <c>eval</c>/<c>Function</c> of strings, and limits on statements, time,
/// memory and recursion. Parsed scripts are cached by source. Thread-safe: every call gets its own engine.
/// </summary>
/// <remarks>
/// <para>Visible to an expression:</para>
/// <list type="bullet">
/// <item>The instance variables passed in, each as a global of the same name. Values are copied: null, bool, numbers
/// (as JS numbers), strings, <see cref="DateTimeOffset"/>/<see cref="DateTime"/>/<see cref="DateOnly"/> (as JS
/// <c>Date</c>), lists (arrays), string-keyed dictionaries and <see cref="System.Text.Json.JsonElement"/> (objects).
/// Names that are not JavaScript identifiers or that collide with a helper are refused.</item>
/// <item><c>now()</c>: the current time from the caller's <see cref="TimeProvider"/>, as a Date.</item>
/// <item><c>addDays(date, n)</c>, <c>addMonths(date, n)</c>: calendar arithmetic in the evaluator's calendar time zone (UTC by default); <c>date</c> is a Date or an
/// ISO string with offset; returns a Date.</item>
/// <item><c>addDuration(date, 'P1M')</c>: adds an ISO-8601 duration; returns a Date.</item>
/// <item>The standard JavaScript built-ins (Math, Date, JSON, String, ...).</item>
/// </list>
/// <para>The result is converted back: undefined/null to null, booleans, numbers as double, strings, Dates as UTC
/// <see cref="DateTimeOffset"/>, arrays and plain objects to immutable collections. Functions and other values are an error.</para>
/// </remarks>
public sealed class ExpressionEvaluator
{
    /// <summary>Names of the helper functions, which variables may not shadow.</summary>
    public static readonly FrozenSet<string> HelperNames = new[] { "now", "addDays", "addMonths", "addDuration" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] BinaryGlobals =
    [
        "Atomics", "SharedArrayBuffer", "ArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
        "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
    ];

    private readonly ExpressionLimits limits;
    private readonly ScriptCache cache;
    private readonly TimeZoneInfo calendar;

    /// <param name="limits">The sandbox's limits.</param>
    /// <param name="calendar">
    /// The time zone whose calendar <c>addDays</c> and <c>addMonths</c> count in, so that "7 days before 08:00" is 08:00
    /// there also across a change to or from summer time; UTC when null.
    /// </param>
    public ExpressionEvaluator(ExpressionLimits? limits = null, TimeZoneInfo? calendar = null)
    {
        this.limits = limits ?? ExpressionLimits.Default;
        this.calendar = calendar ?? TimeZoneInfo.Utc;
        cache = new ScriptCache(this.limits);
    }

    /// <summary>Number of scripts parsed so far (each distinct source once while cached).</summary>
    public int ParseCount => cache.ParseCount;

    /// <summary>Parses without running: null when the source is valid, else a lower-case reason to follow "is not valid JavaScript: ". Used at publish time.</summary>
    public string? CheckSyntax(string source) => cache.Get(ExpressionSyntax.Normalize(source)).Error;

    /// <summary>Evaluates <paramref name="source"/> (a leading <c>=</c> is allowed). Never throws for script errors, limits or bad values.</summary>
    public ExpressionResult Evaluate(string source, IReadOnlyDictionary<string, object?> variables, TimeProvider time)
    {
        var entry = cache.Get(ExpressionSyntax.Normalize(source));
        if (entry.Script is not { } script)
        {
            return ExpressionResult.Fail($"The expression is not valid JavaScript: {entry.Error}");
        }

        try
        {
            var engine = CreateEngine(time);
            foreach (var (name, value) in variables)
            {
                if (!JsConversion.IsIdentifier(name) || HelperNames.Contains(name))
                {
                    return ExpressionResult.Fail($"The variable name '{name}' cannot be used in expressions.");
                }

                if (!JsConversion.TryToJs(engine, value, out var js, out var error))
                {
                    return ExpressionResult.Fail($"The variable '{name}' {error}");
                }

                engine.SetValue(name, js);
            }

            var result = engine.Evaluate(script);
            return JsConversion.TryFromJs(result, out var value2, out var resultError)
                ? ExpressionResult.Ok(value2)
                : ExpressionResult.Fail($"The expression's result {resultError}");
        }
        catch (JavaScriptException ex)
        {
            return ExpressionResult.Fail($"The expression failed: {JsConversion.Redact(ex.Message, variables)}");
        }
        catch (StatementsCountOverflowException)
        {
            return ExpressionResult.Fail($"The expression ran more than {limits.MaxStatements} statements and was stopped.");
        }
        catch (TimeoutException)
        {
            return ExpressionResult.Fail($"The expression ran longer than {limits.Timeout.TotalMilliseconds:0} ms and was stopped.");
        }
        catch (MemoryLimitExceededException)
        {
            return ExpressionResult.Fail($"The expression used more than {limits.MaxMemoryBytes / 1024} KB of memory and was stopped.");
        }
        catch (RecursionDepthOverflowException)
        {
            return ExpressionResult.Fail($"The expression recursed deeper than {limits.MaxRecursion} calls and was stopped.");
        }
        catch (Exception ex) when (ex is JintException or InvalidOperationException or ArgumentException or OverflowException or FormatException)
        {
            return ExpressionResult.Fail($"The expression failed: {JsConversion.Redact(ex.Message, variables)}");
        }
    }

    /// <summary>Evaluates a condition: the result must be a boolean (no truthiness guessing, so typos surface).</summary>
    public ExpressionResult EvaluateCondition(string source, IReadOnlyDictionary<string, object?> variables, TimeProvider time)
    {
        var result = Evaluate(source, variables, time);
        return !result.Succeeded || result.Value is bool
            ? result
            : ExpressionResult.Fail($"The condition gave {JsConversion.Describe(result.Value)} instead of true or false.");
    }

    /// <summary>
    /// A timer expression's due time (UTC): a Date, an ISO date with offset, or an ISO duration from
    /// <paramref name="start"/>; with <paramref name="allowCycle"/> (a
    /// <c>timeCycle</c>), a cycle text such as <c>R3/P1D</c> gives its <see cref="CycleTimer"/> instead.
    /// </summary>
    public ExpressionResult EvaluateDueTime(string source, IReadOnlyDictionary<string, object?> variables, TimeProvider time, DateTimeOffset start,
        bool allowCycle = false)
    {
        var result = Evaluate(source, variables, time);
        return !result.Succeeded ? result : result.Value switch
        {
            DateTimeOffset date => ExpressionResult.Ok(date),
            string s when allowCycle && s.TrimStart().StartsWith('R') => Parsing.TimerParser.ParseCycle(s) is CycleTimer cycle
                ? ExpressionResult.Ok(cycle)
                : ExpressionResult.Fail($"The timer expression gave {JsConversion.Describe(s)}, which is not a cycle such as R3/P1D (1 to {Parsing.TimerParser.MaxRepetitions} repetitions of a non-zero duration)."),
            string s when Parsing.TimerParser.TryParseDate(s, out var date) => ExpressionResult.Ok(date.ToUniversalTime()),
            string s when IsoDuration.TryParse(s, out var duration) => AddDuration(duration, start),
            var other => ExpressionResult.Fail($"The timer expression gave {JsConversion.Describe(other)} instead of a date or an ISO-8601 duration{(allowCycle ? " or cycle" : "")}."),
        };
    }

    /// <summary>A duration within IsoDuration's bounds (1 000 years) can still pass the year 9999, where DateTimeOffset ends, from a late start.</summary>
    private static ExpressionResult AddDuration(IsoDuration duration, DateTimeOffset start)
    {
        try
        {
            return ExpressionResult.Ok(duration.AddTo(start).ToUniversalTime());
        }
        catch (ArgumentOutOfRangeException)
        {
            return ExpressionResult.Fail("The timer expression gave a duration too long to add: the due time would be after the year 9999.");
        }
    }

    private JsEngine CreateEngine(TimeProvider time)
    {
        var engine = new JsEngine(options =>
        {
            options.Strict();
            options.MaxStatements(limits.MaxStatements);
            options.TimeoutInterval(limits.Timeout);
            options.LimitMemory(limits.MaxMemoryBytes);
            options.LimitRecursion(limits.MaxRecursion);
            options.DisableStringCompilation();
            options.Constraints.RegexTimeout = TimeSpan.FromMilliseconds(100);
            options.Constraints.MaxArraySize = 100_000;
        });
        // Atomics.wait blocks the thread in .NET, where neither the time limit nor the statement count can stop it;
        // expressions have no shared memory to wait on. Binary buffers allocate any size in one native call, before
        // the memory limit (checked between statements) can see it; expressions have no bytes to handle.
        // Replaced by a fixed undefined rather than deleted: deleting makes Jint build each constructor first.
        foreach (var name in BinaryGlobals)
        {
            engine.Global.FastSetProperty(name, new PropertyDescriptor(JsValue.Undefined, PropertyFlag.None));
        }

        CapRepeat(engine, limits.MaxMemoryBytes / sizeof(char));
        Helpers.Install(engine, time, calendar);
        return engine;
    }

    /// <summary>
    /// <c>'x'.repeat(2**27)</c> builds 256 MB in one native call, which the memory limit (checked between statements)
    /// never sees; a repeat whose text would not fit in the memory limit is a RangeError before anything is built.
    /// </summary>
    private static void CapRepeat(JsEngine engine, long maxCharacters)
    {
        // Captured before the script runs, which may replace the globals.
        var prototype = engine.GetValue("String").AsObject().Get("prototype").AsObject();
        var repeat = prototype.Get("repeat");
        var rangeError = engine.GetValue("RangeError");
        prototype.Set("repeat", new ClrFunction(engine, "repeat", (thisObject, args) =>
        {
            if (thisObject.IsNull() || thisObject.IsUndefined())
            {
                throw new JavaScriptException(engine.Intrinsics.TypeError, "String.prototype.repeat called on null or undefined");
            }

            var text = TypeConverter.ToString(thisObject);
            var count = TypeConverter.ToNumber(args.Length > 0 ? args[0] : JsValue.Undefined);
            if (text.Length * count > maxCharacters)
            {
                throw new JavaScriptException(engine.Construct(rangeError, new JsString($"repeat would make a text longer than {maxCharacters} characters")));
            }

            return engine.Call(repeat, new JsString(text), [new JsNumber(count)]);
        }, 1));
    }
}

using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;
using NspWorkflow.Engine.Model;
using JsEngine = Jint.Engine;

namespace NspWorkflow.Engine.Expressions;

/// <summary>The helper functions of <see cref="ExpressionEvaluator"/>, installed as plain JS functions on each engine.</summary>
internal static class Helpers
{
    public static void Install(JsEngine engine, TimeProvider time, TimeZoneInfo calendar)
    {
        var dateConstructor = engine.GetValue("Date");
        Define(engine, "now", 0, _ => JsConversion.ToJsDate(engine, time.GetUtcNow(), dateConstructor));
        Define(engine, "addDays", 2, args => JsConversion.ToJsDate(engine, InCalendar(Date(engine, args, "addDays"), calendar, local => local.AddDays(Whole(engine, args, "addDays"))), dateConstructor));
        Define(engine, "addMonths", 2, args => JsConversion.ToJsDate(engine, InCalendar(Date(engine, args, "addMonths"), calendar, local => local.AddMonths(Whole(engine, args, "addMonths"))), dateConstructor));
        Define(engine, "addDuration", 2, args =>
        {
            var date = Date(engine, args, "addDuration");
            var text = args.Length > 1 && args[1].IsString() ? args[1].AsString() : null;
            return IsoDuration.TryParse(text, out var duration)
                ? JsConversion.ToJsDate(engine, duration.AddTo(date), dateConstructor)
                : throw new JavaScriptException(engine.Intrinsics.TypeError, "addDuration(date, duration) needs an ISO-8601 duration such as 'P1M' as its second argument.");
        });
    }

    /// <summary>Moves the wall-clock time in <paramref name="calendar"/>, so the time of day there stays what it was.</summary>
    private static DateTimeOffset InCalendar(DateTimeOffset date, TimeZoneInfo calendar, Func<DateTime, DateTime> move)
    {
        var moved = move(TimeZoneInfo.ConvertTime(date, calendar).DateTime);
        // A wall time skipped by the change to summer time does not exist there; it is read as standard time.
        return new DateTimeOffset(moved, calendar.IsInvalidTime(moved) ? calendar.BaseUtcOffset : calendar.GetUtcOffset(moved)).ToUniversalTime();
    }

    private static void Define(JsEngine engine, string name, int length, Func<JsValue[], JsValue> body) =>
        engine.SetValue(name, new ClrFunction(engine, name, (_, args) => body(args), length));

    private static DateTimeOffset Date(JsEngine engine, JsValue[] args, string function)
    {
        var value = args.Length > 0 ? args[0] : JsValue.Undefined;
        if (JsConversion.TryFromJs(value, out var converted, out _))
        {
            if (converted is DateTimeOffset date)
            {
                return date;
            }

            if (converted is string s && Parsing.TimerParser.TryParseDate(s, out var parsed))
            {
                return parsed.ToUniversalTime();
            }
        }

        throw new JavaScriptException(engine.Intrinsics.TypeError, $"{function}(date, n) needs a date (a Date or an ISO date with time zone) as its first argument.");
    }

    private static int Whole(JsEngine engine, JsValue[] args, string function)
    {
        var n = args.Length > 1 && args[1].IsNumber() ? args[1].AsNumber() : double.NaN;
        return double.IsInteger(n) && Math.Abs(n) <= 100_000
            ? (int)n
            : throw new JavaScriptException(engine.Intrinsics.TypeError, $"{function}(date, n) needs a whole number between -100000 and 100000 as n.");
    }
}

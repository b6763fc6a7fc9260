using System.Globalization;
using System.Text.RegularExpressions;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Parsing;

/// <summary>Turns the text of timeDuration, timeDate, timeCycle or <c>nsp:due</c> into a <see cref="TimerDefinition"/>.</summary>
public static partial class TimerParser
{
    public const int MaxRepetitions = 1000;

    public static TimerDefinition ParseDuration(string text) =>
        IsExpression(text, out var expr) ? new ExpressionTimer(text, expr)
        : IsoDuration.TryParse(text, out var d) ? new DurationTimer(text, d)
        : new InvalidTimer(text, $"'{text}' is not an ISO-8601 duration such as P30D, PT2H or P1DT12H.");

    public static TimerDefinition ParseDate(string text) =>
        IsExpression(text, out var expr) ? new ExpressionTimer(text, expr)
        : TryParseDate(text, out var date) ? new DateTimer(text, date)
        : new InvalidTimer(text, $"'{text}' is not an ISO-8601 date and time with a time zone, such as 2025-03-01T08:00:00Z or 2025-03-01T09:00:00+01:00.");

    public static TimerDefinition ParseCycle(string text)
    {
        if (IsExpression(text, out var expr))
        {
            return new ExpressionTimer(text, expr, Cycle: true);
        }

        var anchored = AnchoredCyclePattern().Match(text.Trim());
        if (anchored.Success)
        {
            return ParseAnchoredCycle(text, anchored);
        }

        var match = CyclePattern().Match(text.Trim());
        if (!match.Success)
        {
            return new InvalidTimer(text, $"'{text}' is not a cycle of the form R<count>/<duration>, such as R3/P1D, "
                + "nor R/<start>/<duration> with a start date, such as R/2027-01-15T08:00:00+01:00/P1Y.");
        }

        if (!int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > MaxRepetitions)
        {
            return new InvalidTimer(text, $"The cycle '{text}' must repeat between 1 and {MaxRepetitions} times.");
        }

        if (!IsoDuration.TryParse(match.Groups["d"].Value, out var interval) || interval.IsZero)
        {
            return new InvalidTimer(text, $"The cycle '{text}' needs a non-zero ISO-8601 duration after the slash, such as R3/P1D.");
        }

        if (!FitsRepeated(interval, n))
        {
            return new InvalidTimer(text, $"The cycle '{text}' would repeat past the year 9999; use fewer repetitions or a shorter duration.");
        }

        return new CycleTimer(text, n, interval);
    }

    /// <summary>
    /// <c>R/&lt;start&gt;/&lt;duration&gt;</c> (for ever) or <c>R5/&lt;start&gt;/&lt;duration&gt;</c>: ISO 8601's repeating interval
    /// from a start date, for a timer start event (validation refuses it elsewhere). The start needs a time zone, like a date.
    /// </summary>
    private static TimerDefinition ParseAnchoredCycle(string text, Match match)
    {
        int? repetitions = null;
        if (match.Groups["n"].Length > 0)
        {
            if (!int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > MaxRepetitions)
            {
                return new InvalidTimer(text, $"The cycle '{text}' must repeat between 1 and {MaxRepetitions} times, or without end (R/...).");
            }

            repetitions = n;
        }

        if (!TryParseDate(match.Groups["start"].Value, out var start))
        {
            return new InvalidTimer(text, $"The cycle '{text}' must start at a date and time with a time zone, such as R/2027-01-15T08:00:00+01:00/P1Y.");
        }

        return IsoDuration.TryParse(match.Groups["d"].Value, out var interval) && !interval.IsZero
            ? new AnchoredCycleTimer(text, start, interval, repetitions)
            : new InvalidTimer(text, $"The cycle '{text}' needs a non-zero ISO-8601 duration after its start, such as R/2027-01-15T08:00:00+01:00/P1Y.");
    }

    /// <summary>
    /// Whether <paramref name="times"/> intervals can be added one after another (each re-arm adds one to the last due
    /// time) from any start up to the year 2200 without passing the year 9999, where DateTimeOffset ends.
    /// </summary>
    private static bool FitsRepeated(IsoDuration interval, int times)
    {
        var due = new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);
        try
        {
            for (var i = 0; i < times; i++)
            {
                due = interval.AddTo(due);
            }

            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>Either a duration or a date, whichever the text is: <c>nsp:due</c> accepts both.</summary>
    public static TimerDefinition ParseDurationOrDate(string text) =>
        IsExpression(text, out var expr) ? new ExpressionTimer(text, expr)
        : IsoDuration.TryParse(text, out var d) ? new DurationTimer(text, d)
        : TryParseDate(text, out var date) ? new DateTimer(text, date)
        : new InvalidTimer(text, $"'{text}' is neither an ISO-8601 duration (P30D) nor a date with a time zone (2025-03-01T08:00:00Z).");

    /// <summary>An offset or Z is required: a date without one would mean different instants on different servers.</summary>
    public static bool TryParseDate(string? text, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        return ZoneSuffix().IsMatch(trimmed)
            && trimmed.Length >= 16 && trimmed[4] == '-' && trimmed[10] == 'T'
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A leading <c>=</c> marks JavaScript; the rest is the expression.</summary>
    public static bool IsExpression(string text, out string expression)
    {
        var trimmed = text.TrimStart();
        expression = trimmed.Length > 0 && trimmed[0] == '=' ? trimmed[1..].Trim() : "";
        return trimmed.Length > 0 && trimmed[0] == '=';
    }

    [GeneratedRegex(@"^R(?<n>\d{1,9})/(?<d>P[^/]+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CyclePattern();

    [GeneratedRegex(@"^R(?<n>\d{0,9})/(?<start>\d[^/]*)/(?<d>P[^/]+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AnchoredCyclePattern();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ZoneSuffix();
}

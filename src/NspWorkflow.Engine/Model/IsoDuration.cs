using System.Globalization;
using System.Text.RegularExpressions;

namespace NspWorkflow.Engine.Model;

/// <summary>
/// An ISO-8601 duration such as <c>P30D</c>, <c>PT2H</c>, <c>P1DT12H</c> or <c>P2W</c>.
/// Years and months stay calendar units (P1M from 31 January is the last day of February),
/// so they are kept apart from the fixed-length part instead of being folded into a TimeSpan.
/// </summary>
public sealed partial record IsoDuration(int Years, int Months, int Days, int Hours, int Minutes, decimal Seconds)
{
    // Generous bounds: a workflow timer beyond a century is a typo, and the bounds keep AddTo from overflowing.
    private const int MaxComponent = 100_000;
    // 100 000 years (or months) would pass the year 9999, where DateTimeOffset ends, and AddTo would throw. At most
    // 1 000 years and 12 000 months: the largest duration (about 2 300 years in all) fits from any date before 7500.
    private const int MaxYears = 1_000;

    /// <summary>True when the duration adds nothing (P0D); a timer of zero length fires at once.</summary>
    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Hours == 0 && Minutes == 0 && Seconds == 0;

    /// <summary>Adds calendar units first (years, months, then days) and then the exact hours, minutes and seconds.</summary>
    public DateTimeOffset AddTo(DateTimeOffset start) =>
        start.AddYears(Years).AddMonths(Months).AddDays(Days)
            .AddHours(Hours).AddMinutes(Minutes).AddTicks((long)(Seconds * TimeSpan.TicksPerSecond));

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        // "P" and "PT" alone match the pattern but name no amount.
        if (!match.Success || match.Groups.Values.Skip(1).All(g => !g.Success) || text.Trim().EndsWith('T'))
        {
            return false;
        }

        if (!TryInt(match.Groups["y"], out var y) || !TryInt(match.Groups["mo"], out var mo) || !TryInt(match.Groups["w"], out var w)
            || !TryInt(match.Groups["d"], out var d) || !TryInt(match.Groups["h"], out var h) || !TryInt(match.Groups["mi"], out var mi))
        {
            return false;
        }

        decimal s = 0;
        if (match.Groups["s"].Success
            && (!decimal.TryParse(match.Groups["s"].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out s) || s > MaxComponent))
        {
            return false;
        }

        if ((long)w * 7 + d > MaxComponent || y > MaxYears || mo > MaxYears * 12)
        {
            return false;
        }

        duration = new IsoDuration(y, mo, w * 7 + d, h, mi, s);
        return true;
    }

    public override string ToString()
    {
        var date = (Years != 0 ? $"{Years}Y" : "") + (Months != 0 ? $"{Months}M" : "") + (Days != 0 ? $"{Days}D" : "");
        var time = (Hours != 0 ? $"{Hours}H" : "") + (Minutes != 0 ? $"{Minutes}M" : "")
            + (Seconds != 0 ? Seconds.ToString(CultureInfo.InvariantCulture) + "S" : "");
        return date.Length == 0 && time.Length == 0 ? "P0D" : "P" + date + (time.Length > 0 ? "T" + time : "");
    }

    private static bool TryInt(Group group, out int value)
    {
        value = 0;
        return !group.Success
            || (int.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= MaxComponent);
    }

    [GeneratedRegex(@"^P(?:(?<y>\d{1,9})Y)?(?:(?<mo>\d{1,9})M)?(?:(?<w>\d{1,9})W)?(?:(?<d>\d{1,9})D)?(?:T(?:(?<h>\d{1,9})H)?(?:(?<mi>\d{1,9})M)?(?:(?<s>\d{1,9}(?:[.,]\d{1,7})?)S)?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}

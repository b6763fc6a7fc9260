using System.Globalization;

namespace NspWorkflow.Domain.Invoicing;

/// <summary>A calendar month the program is invoiced for (the days are the shelter's calendar days, Swedish dates).</summary>
public readonly record struct InvoiceMonth(int Year, int Month) : IComparable<InvoiceMonth>
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public InvoiceMonth Previous => Of(FirstDay.AddMonths(-1));

    public InvoiceMonth Next => Of(FirstDay.AddMonths(1));

    /// <summary>yyyyMM: the month as one sortable number, as it is stored.</summary>
    public int Number => Year * 100 + Month;

    public static InvoiceMonth Of(DateOnly day) => new(day.Year, day.Month);

    public static InvoiceMonth FromNumber(int number) => new(number / 100, number % 100);

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    /// <summary>Reads "yyyy-MM" (as a month field posts it); false for anything else, including a month before year 2000.</summary>
    public static bool TryParse(string? text, out InvoiceMonth month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year < 2000)
            return false;
        month = Of(first);
        return true;
    }

    public int CompareTo(InvoiceMonth other) => Number.CompareTo(other.Number);

    public static bool operator <(InvoiceMonth a, InvoiceMonth b) => a.Number < b.Number;

    public static bool operator >(InvoiceMonth a, InvoiceMonth b) => a.Number > b.Number;

    public static bool operator <=(InvoiceMonth a, InvoiceMonth b) => a.Number <= b.Number;

    public static bool operator >=(InvoiceMonth a, InvoiceMonth b) => a.Number >= b.Number;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}

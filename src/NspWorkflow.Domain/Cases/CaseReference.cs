using System.Globalization;

namespace NspWorkflow.Domain.Cases;

/// <summary>The pseudonymous case reference, <c>NSP-2026-0042</c>: the year the case was opened and its number in that year.</summary>
public static class CaseReference
{
    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"NSP-{year:D4}-{number:D4}");

    /// <summary>The prefix every reference of <paramref name="year"/> starts with.</summary>
    public static string YearPrefix(int year) => string.Create(CultureInfo.InvariantCulture, $"NSP-{year:D4}-");

    /// <summary>The number of a reference of the year, or 0 when it is not one.</summary>
    public static int NumberOf(string reference, int year) =>
        reference.StartsWith(YearPrefix(year), StringComparison.Ordinal)
        && int.TryParse(reference.AsSpan(YearPrefix(year).Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : 0;
}

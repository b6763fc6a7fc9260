namespace NspWorkflow.Domain.Reports;

/// <summary>
/// The age bands the reports count persons in: the age in the placement year (only the birth year is known), so the
/// report keeps a band and never the birth year. The program admits adults only (18 and older).
/// </summary>
public static class AgeBand
{
    public const string From18To24 = "18-24";
    public const string From25To34 = "25-34";
    public const string From35To44 = "35-44";
    public const string From45To54 = "45-54";
    public const string From55 = "55+";

    /// <summary>Every band, youngest first.</summary>
    public static IReadOnlyList<string> All { get; } = [From18To24, From25To34, From35To44, From45To54, From55];

    /// <summary>The band of a person born in <paramref name="birthYear"/> placed in <paramref name="placementYear"/>.</summary>
    public static string Of(int birthYear, int placementYear) => (placementYear - birthYear) switch
    {
        < 25 => From18To24,
        < 35 => From25To34,
        < 45 => From35To44,
        < 55 => From45To54,
        _ => From55,
    };
}

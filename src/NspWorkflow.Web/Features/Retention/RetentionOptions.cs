using System.Globalization;

namespace NspWorkflow.Web.Features.Retention;

/// <summary>
/// <c>Program:RetentionYears</c>: how many years a closed case's personal data is kept (default 5). Read at start, so a
/// wrong value stops the app with a message naming the key rather than erasing too early or never.
/// </summary>
public sealed record RetentionOptions(int Years)
{
    public const string Key = "Program:RetentionYears";
    public const int DefaultYears = 5;

    public static RetentionOptions FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text))
            return new RetentionOptions(DefaultYears);
        // Years up to a century: AddYears stays within the calendar, and more is no retention rule anyone means.
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years) || years is < 1 or > 100)
            throw new InvalidOperationException($"{Key} must be a positive whole number of years (1 to 100), the years a closed case's personal data is kept.");
        return new RetentionOptions(years);
    }

    /// <summary>The day the personal data of a case closed on <paramref name="closedOn"/> is erased: the anniversary after the years kept.</summary>
    public DateOnly ErasureDay(DateOnly closedOn) => closedOn.AddYears(Years);

    /// <summary>
    /// The latest closing day a case may have to be erased on <paramref name="today"/>, give or take a day (29 February):
    /// a bound for the database, the exact rule is <see cref="ErasureDay"/>.
    /// </summary>
    public DateOnly ClosedOnOrBefore(DateOnly today) => today.AddYears(-Years).AddDays(1);
}

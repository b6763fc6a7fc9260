using Microsoft.Extensions.Configuration;
using NspWorkflow.Web.Features.Retention;

namespace NspWorkflow.Web.Tests.Features.Retention;

/// <summary><c>Program:RetentionYears</c> as the app reads it at start: five years unless set, a whole number of years, or a clear refusal.</summary>
public sealed class RetentionOptionsTests
{
    [Theory]
    [InlineData(null, 5)]
    [InlineData("", 5)]
    [InlineData("1", 1)]
    [InlineData(" 10 ", 10)]
    public void A_whole_number_of_years_is_taken_and_none_is_five(string? value, int years) =>
        Assert.Equal(years, RetentionOptions.FromConfiguration(Configuration(value)).Years);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("fem")]
    [InlineData("101")]
    public void Anything_else_stops_the_start_naming_the_key(string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => RetentionOptions.FromConfiguration(Configuration(value)));
        Assert.Equal("Program:RetentionYears must be a positive whole number of years (1 to 100), the years a closed case's personal data is kept.",
            refused.Message);
    }

    [Fact]
    public void A_case_is_erased_on_the_anniversary_of_its_closing_day()
    {
        var five = new RetentionOptions(5);
        Assert.Equal(new DateOnly(2031, 3, 2), five.ErasureDay(new DateOnly(2026, 3, 2)));
        // 29 February: erased on the 28th, and the database's bound includes it.
        Assert.Equal(new DateOnly(2029, 2, 28), five.ErasureDay(new DateOnly(2024, 2, 29)));
        Assert.True(new DateOnly(2024, 2, 29) <= five.ClosedOnOrBefore(new DateOnly(2029, 2, 28)));
    }

    private static IConfiguration Configuration(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [RetentionOptions.Key] = value }).Build();
}

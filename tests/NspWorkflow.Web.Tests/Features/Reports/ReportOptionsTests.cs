using Microsoft.Extensions.Configuration;
using NspWorkflow.Web.Features.Reports;

namespace NspWorkflow.Web.Tests.Features.Reports;

/// <summary><c>Reports:SuppressBelow</c>: 3 unless set; 0 or less would show every small count, so the app refuses to start.</summary>
public sealed class ReportOptionsTests
{
    [Theory]
    [InlineData(null, 3)]
    [InlineData("5", 5)]
    [InlineData("1", 1)]
    public void The_threshold_is_read_with_3_as_default(string? value, int expected) =>
        Assert.Equal(expected, ReportOptions.FromConfiguration(Configuration(value)).SuppressBelow);

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Zero_or_less_stops_the_start_naming_the_key(string value) =>
        Assert.Contains("Reports:SuppressBelow", Assert.Throws<InvalidOperationException>(() => ReportOptions.FromConfiguration(Configuration(value))).Message,
            StringComparison.Ordinal);

    private static IConfiguration Configuration(string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(value is null ? [] : [new("Reports:SuppressBelow", value)]).Build();
}

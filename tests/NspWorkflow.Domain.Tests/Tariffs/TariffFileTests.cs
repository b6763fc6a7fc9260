using System.Globalization;
using System.Text.Json.Nodes;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Tests.Tariffs;

public sealed class TariffFileTests
{
    private static string Shipped => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "tariffs", "default.json"));

    /// <summary>The shipped file with one change, made through <paramref name="edit"/> on its first tariff.</summary>
    private static string ShippedWith(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Shipped)!.AsObject();
        edit(root["tariffs"]![0]!.AsObject());
        return root.ToJsonString();
    }

    /// <summary>Each problem as its JSON path, its code and its arguments; the web's message table words them (TariffLoaderTests).</summary>
    private static IReadOnlyList<string> Problems(string json) =>
        Assert.Throws<RuleViolationException>(() => TariffFile.Parse(json)).Violations
            .Select(v => string.Join(" ", [v.Field, v.Code.ToString(), .. v.Arguments.Select(a => a is DateOnly day ? day.ToString("O") : Convert.ToString(a, CultureInfo.InvariantCulture))])).ToList();

    [Fact]
    public void The_shipped_file_holds_the_2022_defaults()
    {
        var tariff = Assert.Single(TariffFile.Parse(Shipped).Tariffs);
        var expected = TestTariffs.Default2022;

        Assert.Equal(expected.EffectiveFrom, tariff.EffectiveFrom);
        Assert.Equal(expected.Reflection, tariff.Reflection);
        Assert.Equal(expected.Extended, tariff.Extended);
        Assert.Equal(expected.Integration, tariff.Integration);
        Assert.Equal(expected.PointInterventions.CapPerOccasion, tariff.PointInterventions.CapPerOccasion);
        Assert.Equal(expected.PointInterventions.Categories, tariff.PointInterventions.Categories);
    }

    [Fact]
    public void A_negative_rate_is_reported_with_its_path() =>
        Assert.Equal(["tariffs[0].reflection.childSupplementPerDay Negative"],
            Problems(ShippedWith(t => t["reflection"]!["childSupplementPerDay"] = -500)));

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var json = ShippedWith(t =>
        {
            t["effectiveFrom"] = "1 januari 2022";
            t["reflection"]!.AsObject().Remove("maxDays");
            t["reflection"]!["childSuplementPerDay"] = 500;
            t["extended"]!["maxPeriods"] = 2.5;
            t["integration"]!["paysChildSupplement"] = "no";
            t["pointInterventions"]!["capPerOccasion"] = "5000";
            t["pointInterventions"]!["categories"]![1]!["key"] = "clothes";
        });

        Assert.Equal(
        [
            "tariffs[0].effectiveFrom WrongType Date",
            "tariffs[0].reflection.childSuplementPerDay UnknownField",
            "tariffs[0].reflection.maxDays Required",
            "tariffs[0].extended.maxPeriods WrongType WholeNumber",
            "tariffs[0].integration.paysChildSupplement WrongType TrueOrFalse",
            "tariffs[0].pointInterventions.capPerOccasion WrongType Number",
            "tariffs[0].pointInterventions.categories[1].key Duplicate clothes",
        ], Problems(json));
    }

    [Fact]
    public void A_missing_part_is_reported_once()
    {
        Assert.Equal(["tariffs[0].integration Required"], Problems(ShippedWith(t => t.Remove("integration"))));
    }

    [Fact]
    public void Two_tariffs_from_the_same_day_are_refused()
    {
        var root = JsonNode.Parse(Shipped)!.AsObject();
        root["tariffs"]!.AsArray().Add(root["tariffs"]![0]!.DeepClone());

        Assert.Equal(["tariffs[1].effectiveFrom Duplicate 2022-01-01"], Problems(root.ToJsonString()));
    }

    [Fact]
    public void A_later_tariff_takes_over_on_its_day()
    {
        var root = JsonNode.Parse(Shipped)!.AsObject();
        var next = root["tariffs"]![0]!.DeepClone();
        next["effectiveFrom"] = "2023-01-01";
        next["integration"]!["dailyRate"] = 550;
        root["tariffs"]!.AsArray().Add(next);

        var schedule = TariffFile.Parse(root.ToJsonString());

        Assert.Equal(500m, schedule.InForceOn(new DateOnly(2022, 12, 31)).Integration.DailyRate);
        Assert.Equal(550m, schedule.InForceOn(new DateOnly(2023, 1, 1)).Integration.DailyRate);
    }

    [Theory]
    [InlineData("", "$ InvalidJson 1 1")]
    [InlineData("{ \"tariffs\": [ }", "$ InvalidJson 1 16")]
    [InlineData("[]", "$ WrongType Object")]
    [InlineData("{}", "tariffs Required")]
    [InlineData("{ \"tariffs\": {} }", "tariffs WrongType List")]
    [InlineData("{ \"tariffs\": [] }", "tariffs Required")]
    [InlineData("{ \"tariffs\": [ 1 ] }", "tariffs[0] WrongType Object")]
    public void A_file_without_the_expected_shape_is_refused(string json, string problem) =>
        Assert.Equal([problem], Problems(json));

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_for_hand_edited_files()
    {
        var json = "// NSP tariffs\n" + Shipped.TrimEnd().TrimEnd('}').TrimEnd().TrimEnd(']') + ",]}";
        Assert.Single(TariffFile.Parse(json).Tariffs);
    }
}

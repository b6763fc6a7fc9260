using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using NspWorkflow.Web.Features.Tariffs;
using NspWorkflow.Web.Infrastructure.Localization;
using NspWorkflow.Web.Tests.Pathways;

namespace NspWorkflow.Web.Tests.Features.Tariffs;

/// <summary>
/// A broken tariff file stops the start with every problem named by its file and JSON path, worded by the message table
/// in English (the operator's log), as a page or the API words a rule; a folder of good files loads.
/// </summary>
public sealed class TariffLoaderTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("nsp-tariffs-");

    private static string Shipped => File.ReadAllText(Path.Combine(PathwayFiles.RepositoryRoot, "workflows", "tariffs", "default.json"));

    [Fact]
    public void A_broken_file_stops_the_start_naming_the_file_and_each_path_in_english()
    {
        var root = JsonNode.Parse(Shipped)!.AsObject();
        var tariff = root["tariffs"]![0]!.AsObject();
        tariff["effectiveFrom"] = "1 januari 2022";
        tariff["reflection"]!["childSupplementPerDay"] = -500;
        tariff["extended"]!.AsObject().Remove("maxPeriods");
        File.WriteAllText(Path.Combine(folder.FullName, "2022.json"), root.ToJsonString());

        var error = Assert.Throws<InvalidOperationException>(Load);

        Assert.Equal("Tariff file 2022.json: tariffs[0].effectiveFrom must be a date (yyyy-MM-dd). "
            + "tariffs[0].extended.maxPeriods is required. tariffs[0].reflection.childSupplementPerDay must not be negative.",
            error.Message);
    }

    [Fact]
    public void A_file_that_is_not_json_is_named_with_its_line_and_position()
    {
        File.WriteAllText(Path.Combine(folder.FullName, "bad.json"), "{ \"tariffs\": [ }");

        Assert.Equal("Tariff file bad.json: $ is not valid JSON (line 1, position 16).", Assert.Throws<InvalidOperationException>(Load).Message);
    }

    [Fact]
    public void The_shipped_file_loads()
    {
        File.WriteAllText(Path.Combine(folder.FullName, "default.json"), Shipped);

        Assert.Equal(new DateOnly(2022, 1, 1), Assert.Single(Load().Tariffs).EffectiveFrom);
    }

    private NspWorkflow.Domain.Tariffs.TariffSchedule Load()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Tariffs:Path", folder.FullName)]).Build();
        return TariffLoader.Load(configuration, new Environment(folder.FullName), new MessageTable());
    }

    public void Dispose() => folder.Delete(recursive: true);

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "NspWorkflow.Web";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

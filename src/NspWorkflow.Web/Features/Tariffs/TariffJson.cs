using System.Text.Json;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Web.Features.Tariffs;

/// <summary>Tariffs written as a tariff file (<c>workflows/tariffs/*.json</c>): the records' names in camel case are the file's.</summary>
public static class TariffJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(IEnumerable<Tariff> tariffs) => JsonSerializer.Serialize(new { tariffs }, Options);
}

using System.Globalization;
using System.Text.Json.Nodes;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Web.Features.Tariffs.Pages;

public enum TariffFieldKind
{
    Date,
    Whole,
    Amount,
    YesNo,
    Categories,
}

/// <summary>One field of the tariff form: its path in the tariff file (also the input's name), its kind and its group.</summary>
public sealed record TariffField(string Path, TariffFieldKind Kind, string Group)
{
    /// <summary>The input's id: the path with its dots as dashes, so it needs no escaping in a fragment or CSS.</summary>
    public string InputId => "tariff-" + Path.Replace('.', '-');

    public string LabelKey => LabelKeyOf(Path);

    /// <summary>The message table key of the group's legend (the first group has none).</summary>
    public string GroupKey => "Tariffs.Group." + Group;

    public static string LabelKeyOf(string path) => "Tariff.Field." + path;
}

/// <summary>
/// The tariff form as the tariff file it stands for: the posted values are written as that file and read back by the same
/// parser as the files (<see cref="TariffFile"/>), so the form refuses exactly what a file would, with the same messages,
/// each on the field of its JSON path.
/// </summary>
public static class TariffForm
{
    public static IReadOnlyList<TariffField> Fields { get; } =
    [
        new("effectiveFrom", TariffFieldKind.Date, ""),
        new("nextPeriodApplicationDays", TariffFieldKind.Whole, ""),
        new("reflection.maxDays", TariffFieldKind.Whole, "reflection"),
        new("reflection.housingAndFoodPerDay", TariffFieldKind.Amount, "reflection"),
        new("reflection.protectionAndSupportPerDay", TariffFieldKind.Amount, "reflection"),
        new("reflection.childSupplementPerDay", TariffFieldKind.Amount, "reflection"),
        new("reflection.motivatedSupplementPerDay", TariffFieldKind.Amount, "reflection"),
        new("extended.maxDays", TariffFieldKind.Whole, "extended"),
        new("extended.maxPeriods", TariffFieldKind.Whole, "extended"),
        new("extended.firstPeriodHousingAndFoodPerDay", TariffFieldKind.Amount, "extended"),
        new("extended.firstPeriodProtectionAndSupportPerDay", TariffFieldKind.Amount, "extended"),
        new("extended.laterPeriodAdultFactor", TariffFieldKind.Amount, "extended"),
        new("extended.paysChildSupplement", TariffFieldKind.YesNo, "extended"),
        new("extended.paysMotivatedSupplement", TariffFieldKind.YesNo, "extended"),
        new("integration.maxDays", TariffFieldKind.Whole, "integration"),
        new("integration.dailyRate", TariffFieldKind.Amount, "integration"),
        new("integration.paysChildSupplement", TariffFieldKind.YesNo, "integration"),
        new("integration.paysMotivatedSupplement", TariffFieldKind.YesNo, "integration"),
        new("pointInterventions.capPerOccasion", TariffFieldKind.Amount, "pointInterventions"),
        new("pointInterventions.categories", TariffFieldKind.Categories, "pointInterventions"),
    ];

    /// <summary>The form's values for a tariff (the one to start a new tariff from), as the inputs show them.</summary>
    public static Dictionary<string, string> ValuesOf(Tariff tariff)
    {
        var file = JsonNode.Parse(TariffJson.Write([tariff]))!["tariffs"]![0]!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            var node = field.Path.Split('.').Aggregate((JsonNode?)file, (n, part) => n?[part]);
            values[field.Path] = field.Kind switch
            {
                TariffFieldKind.Categories => string.Join("\n", node!.AsArray().Select(c => $"{c!["key"]} = {c["name"]}")),
                TariffFieldKind.YesNo => node!.GetValue<bool>() ? "true" : "false",
                _ => node?.ToString() ?? "",
            };
        }

        return values;
    }

    /// <summary>
    /// The tariff the values describe, or the broken rules with their fields as the form's paths. A number is read with a
    /// comma or a point; what is not a number is passed on as text, so the parser names its field and what it expects.
    /// </summary>
    public static (Tariff? Tariff, IReadOnlyList<RuleViolation> Violations) Read(IReadOnlyDictionary<string, string?> values)
    {
        var tariff = new JsonObject();
        var violations = new List<RuleViolation>();
        foreach (var field in Fields)
        {
            var text = values.GetValueOrDefault(field.Path)?.Trim() ?? "";
            var parts = field.Path.Split('.');
            var parent = tariff;
            foreach (var part in parts[..^1])
                parent = (JsonObject)(parent[part] ??= new JsonObject());
            JsonNode? value = field.Kind switch
            {
                // Left out when empty: the parser reports it as required.
                _ when text.Length == 0 && field.Kind != TariffFieldKind.YesNo && field.Kind != TariffFieldKind.Categories => null,
                TariffFieldKind.YesNo => JsonValue.Create(text == "true"),
                TariffFieldKind.Categories => Categories(text, field.Path, violations),
                TariffFieldKind.Date => JsonValue.Create(text),
                _ => decimal.TryParse(text.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(text),
            };
            if (value is not null)
                parent[parts[^1]] = value;
        }

        try
        {
            var parsed = TariffFile.Parse(new JsonObject { ["tariffs"] = new JsonArray(tariff) }.ToJsonString());
            return violations.Count == 0 ? (parsed.Tariffs[0], []) : (null, violations);
        }
        catch (RuleViolationException e)
        {
            return (null, [.. violations, .. e.Violations.Select(v => v with { Field = FormPath(v.Field) })]);
        }
    }

    /// <summary>The form field of a file path: <c>tariffs[0].pointInterventions.categories[2].key</c> is the categories box.</summary>
    public static string FormPath(string filePath)
    {
        var path = filePath.StartsWith("tariffs[0].", StringComparison.Ordinal) ? filePath["tariffs[0].".Length..] : filePath;
        return Fields.FirstOrDefault(f => path == f.Path || path.StartsWith(f.Path + "[", StringComparison.Ordinal) || path.StartsWith(f.Path + ".", StringComparison.Ordinal))?.Path
            ?? "effectiveFrom";
    }

    /// <summary>One category a line, <c>key = Name</c>; a line without both is named by its number.</summary>
    private static JsonArray Categories(string text, string path, List<RuleViolation> violations)
    {
        var categories = new JsonArray();
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == lines[i].Length - 1)
            {
                violations.Add(new(path, RuleViolationCode.Invalid, i + 1));
                continue;
            }

            categories.Add(new JsonObject { ["key"] = lines[i][..at].Trim(), ["name"] = lines[i][(at + 1)..].Trim() });
        }

        return categories;
    }
}

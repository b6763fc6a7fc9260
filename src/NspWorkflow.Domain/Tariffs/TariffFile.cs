using System.Globalization;
using System.Text.Json;

namespace NspWorkflow.Domain.Tariffs;

/// <summary>
/// Reads a tariff file (<c>workflows/tariffs/*.json</c>, loaded at first start). Every field is required
/// and unknown fields are refused, so a misspelt rate can never silently fall back to a default.
/// </summary>
public static class TariffFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <exception cref="RuleViolationException">Every problem, each naming its JSON path as its field.</exception>
    public static TariffSchedule Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            // Line and position only: the parser's message may quote the file.
            throw new RuleViolationException([new("$", RuleViolationCode.InvalidJson, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1)]);
        }

        using (document)
        {
            var reader = new JsonReader();
            var tariffs = reader.ReadFile(document.RootElement);
            // Value rules only where the shape was readable, so a missing field is reported once, not twice.
            var violations = reader.Violations
                .Concat(TariffSchedule.Validate(tariffs).Where(v => !reader.Covers(v.Field)))
                .ToList();
            if (violations.Count > 0)
                throw new RuleViolationException(violations);
            return new TariffSchedule(tariffs);
        }
    }

    /// <summary>Reads the shape, collecting a violation per unreadable field and returning defaults in its place.</summary>
    private sealed class JsonReader
    {
        private readonly List<string> unreadable = [];

        public List<RuleViolation> Violations { get; } = [];

        /// <summary>Whether a value rule's field lies at or below a field already reported as unreadable.</summary>
        public bool Covers(string field) =>
            unreadable.Any(p => p == "$" || field == p || field.StartsWith(p + ".", StringComparison.Ordinal) || field.StartsWith(p + "[", StringComparison.Ordinal));

        public List<Tariff> ReadFile(JsonElement root)
        {
            if (!Object(root, "$", ["tariffs"]))
                return [];
            var tariffs = new List<Tariff>();
            if (!Property(root, "tariffs", "tariffs", out var array))
                return tariffs;
            if (array.ValueKind != JsonValueKind.Array)
            {
                Problem("tariffs", ExpectedValue.List);
                return tariffs;
            }
            var i = 0;
            foreach (var element in array.EnumerateArray())
                tariffs.Add(ReadTariff(element, $"tariffs[{i++}]"));
            return tariffs;
        }

        private Tariff ReadTariff(JsonElement e, string path)
        {
            Object(e, path, ["effectiveFrom", "nextPeriodApplicationDays", "reflection", "extended", "integration", "pointInterventions"]);
            return new Tariff(
                Date(e, "effectiveFrom", path),
                ReadReflection(Child(e, "reflection", path, ["maxDays", "housingAndFoodPerDay", "protectionAndSupportPerDay", "childSupplementPerDay", "motivatedSupplementPerDay"]), $"{path}.reflection"),
                ReadExtended(Child(e, "extended", path, ["maxDays", "maxPeriods", "firstPeriodHousingAndFoodPerDay", "firstPeriodProtectionAndSupportPerDay", "laterPeriodAdultFactor", "paysChildSupplement", "paysMotivatedSupplement"]), $"{path}.extended"),
                ReadIntegration(Child(e, "integration", path, ["maxDays", "dailyRate", "paysChildSupplement", "paysMotivatedSupplement"]), $"{path}.integration"),
                ReadPointInterventions(Child(e, "pointInterventions", path, ["capPerOccasion", "categories"]), $"{path}.pointInterventions"),
                Int(e, "nextPeriodApplicationDays", path));
        }

        private ReflectionTariff ReadReflection(JsonElement? e, string path) => new(
            Int(e, "maxDays", path),
            Decimal(e, "housingAndFoodPerDay", path),
            Decimal(e, "protectionAndSupportPerDay", path),
            Decimal(e, "childSupplementPerDay", path),
            Decimal(e, "motivatedSupplementPerDay", path));

        private ExtendedTariff ReadExtended(JsonElement? e, string path) => new(
            Int(e, "maxDays", path),
            Int(e, "maxPeriods", path),
            Decimal(e, "firstPeriodHousingAndFoodPerDay", path),
            Decimal(e, "firstPeriodProtectionAndSupportPerDay", path),
            Decimal(e, "laterPeriodAdultFactor", path),
            Bool(e, "paysChildSupplement", path),
            Bool(e, "paysMotivatedSupplement", path));

        private IntegrationTariff ReadIntegration(JsonElement? e, string path) => new(
            Int(e, "maxDays", path),
            Decimal(e, "dailyRate", path),
            Bool(e, "paysChildSupplement", path),
            Bool(e, "paysMotivatedSupplement", path));

        private PointInterventionTariff ReadPointInterventions(JsonElement? e, string path)
        {
            var cap = Decimal(e, "capPerOccasion", path);
            var categories = new List<InterventionCategory>();
            if (e is { } obj && Property(obj, "categories", $"{path}.categories", out var array))
            {
                if (array.ValueKind != JsonValueKind.Array)
                    Problem($"{path}.categories", ExpectedValue.List);
                else
                {
                    var i = 0;
                    foreach (var item in array.EnumerateArray())
                    {
                        var at = $"{path}.categories[{i++}]";
                        var ok = Object(item, at, ["key", "name"]);
                        categories.Add(new(ok ? String(item, "key", at) : "", ok ? String(item, "name", at) : ""));
                    }
                }
            }
            return new PointInterventionTariff(cap, categories);
        }

        private JsonElement? Child(JsonElement parent, string name, string path, string[] known)
        {
            if (parent.ValueKind != JsonValueKind.Object || !Property(parent, name, $"{path}.{name}", out var child))
                return null;
            return Object(child, $"{path}.{name}", known) ? child : null;
        }

        private bool Object(JsonElement e, string path, string[] known)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Problem(path, ExpectedValue.Object);
                return false;
            }
            foreach (var property in e.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
                Violations.Add(new(Join(path, property.Name), RuleViolationCode.UnknownField));
            return true;
        }

        private bool Property(JsonElement obj, string name, string field, out JsonElement value)
        {
            if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
                return true;
            value = default;
            if (obj.ValueKind == JsonValueKind.Object)
            {
                unreadable.Add(field);
                Violations.Add(new(field, RuleViolationCode.Required));
            }
            return false;
        }

        private T Read<T>(JsonElement? parent, string name, string path, ExpectedValue expected, TryRead<T> read, T fallback)
        {
            var field = Join(path, name);
            if (parent is not { } obj)
            {
                unreadable.Add(field);
                return fallback;
            }
            if (!Property(obj, name, field, out var value))
                return fallback;
            if (read(value, out var result))
                return result;
            Problem(field, expected);
            return fallback;
        }

        private delegate bool TryRead<T>(JsonElement value, out T result);

        private int Int(JsonElement? e, string name, string path) =>
            Read(e, name, path, ExpectedValue.WholeNumber, (JsonElement v, out int r) => { r = 0; return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out r); }, 0);

        private decimal Decimal(JsonElement? e, string name, string path) =>
            Read(e, name, path, ExpectedValue.Number, (JsonElement v, out decimal r) => { r = 0m; return v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out r); }, 0m);

        private bool Bool(JsonElement? e, string name, string path) =>
            Read(e, name, path, ExpectedValue.TrueOrFalse, (JsonElement v, out bool r) => { r = v.ValueKind == JsonValueKind.True; return v.ValueKind is JsonValueKind.True or JsonValueKind.False; }, false);

        private string String(JsonElement? e, string name, string path) =>
            Read(e, name, path, ExpectedValue.Text, (JsonElement v, out string r) => { r = v.ValueKind == JsonValueKind.String ? v.GetString()! : ""; return v.ValueKind == JsonValueKind.String; }, "");

        private DateOnly Date(JsonElement? e, string name, string path) =>
            Read(e, name, path, ExpectedValue.Date, (JsonElement v, out DateOnly r) =>
            {
                r = default;
                return v.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out r);
            }, default);

        private void Problem(string field, ExpectedValue expected)
        {
            unreadable.Add(field);
            Violations.Add(new(field, RuleViolationCode.WrongType, expected));
        }

        private static string Join(string path, string name) => path == "$" ? name : $"{path}.{name}";
    }
}

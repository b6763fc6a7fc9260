using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using NspWorkflow.Domain.Cases;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>
/// The countries of origin by name, in Swedish and English: the list the application form searches, and a typed name
/// (or code) read back to its ISO code. The names come from the npm package i18n-iso-countries, written to
/// <c>wwwroot/dist/countries.json</c> by the front-end build: the platform knows only each country's native name.
/// </summary>
public sealed class CountryNames
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byLanguage;
    private readonly Dictionary<string, string> codeByName = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="webRoot">Where the front-end build wrote <c>dist/countries.json</c>: the app's web root.</param>
    public CountryNames(IFileProvider webRoot)
    {
        var file = webRoot.GetFileInfo("dist/countries.json");
        if (!file.Exists)
            throw new InvalidOperationException("wwwroot/dist/countries.json is missing: the front-end build (node build.mjs) writes it.");
        using var stream = file.CreateReadStream();
        var read = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
            ?? throw new InvalidOperationException("wwwroot/dist/countries.json is empty.");
        byLanguage = read.ToDictionary(l => l.Key, l => (IReadOnlyDictionary<string, string>)l.Value
            .Where(c => CountryCodes.IsAssigned(c.Key)).ToDictionary(c => c.Key, c => c.Value));
        foreach (var names in byLanguage.Values)
            foreach (var (code, name) in names)
                codeByName.TryAdd(name, code);
    }

    /// <summary>The country's name in the culture's language (Swedish unless English); the code when none is known.</summary>
    public string Name(string code, CultureInfo culture) =>
        Names(culture).TryGetValue(code, out var name) ? name : code;

    /// <summary>Every country, by name in the culture's order.</summary>
    public IReadOnlyList<(string Code, string Name)> All(CultureInfo culture) =>
        [.. Names(culture).Select(c => (c.Key, c.Value)).OrderBy(c => c.Value, StringComparer.Create(culture, ignoreCase: true))];

    /// <summary>The code of a typed name in either language, or of a typed code; null when it names no country.</summary>
    public string? Find(string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (codeByName.TryGetValue(text, out var code))
            return code;
        return CountryCodes.IsAssigned(text.ToUpperInvariant()) ? text.ToUpperInvariant() : null;
    }

    private IReadOnlyDictionary<string, string> Names(CultureInfo culture) =>
        byLanguage[culture.TwoLetterISOLanguageName == "en" ? "en" : "sv"];
}

using System.Globalization;
using System.Resources;

namespace NspWorkflow.Web.Infrastructure.Localization;

/// <summary>
/// The message table read in a chosen language, for what has no request to take the language from: mail, which goes out
/// in Swedish whoever's action caused it, and the checks that every key has both its texts.
/// </summary>
public sealed class MessageTable
{
    public static readonly CultureInfo Swedish = LocalizationServiceCollectionExtensions.Swedish;
    public static readonly CultureInfo English = LocalizationServiceCollectionExtensions.English;

    private readonly ResourceManager resources =
        new($"{typeof(SharedResource).Assembly.GetName().Name}.Resources.Infrastructure.Localization.{nameof(SharedResource)}", typeof(SharedResource).Assembly);

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> (Swedish when it has none of its own); null for an unknown key.</summary>
    public string? Find(string key, CultureInfo culture) => resources.GetString(key, culture);

    /// <summary>The text in <paramref name="culture"/>, formatted; an unknown key throws, since a person must never read a key.</summary>
    public string Text(string key, CultureInfo culture, params object?[] arguments) =>
        string.Format(culture, Find(key, culture) ?? throw new KeyNotFoundException($"The message table has no text '{key}'."), arguments);

    /// <summary>The keys a language's own file defines (English: <c>SharedResource.en.resx</c>; Swedish: the default file).</summary>
    public IReadOnlySet<string> Keys(CultureInfo culture)
    {
        var set = culture.TwoLetterISOLanguageName == "sv"
            ? resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            : resources.GetResourceSet(culture.Parent.Name.Length > 0 ? culture.Parent : culture, createIfNotExists: true, tryParents: false);
        return set?.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet() ?? [];
    }
}

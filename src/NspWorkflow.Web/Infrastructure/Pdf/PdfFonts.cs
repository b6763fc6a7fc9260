using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace NspWorkflow.Web.Infrastructure.Pdf;

/// <summary>
/// The fonts of the PDFs the app writes: DejaVu Sans (free, see Fonts/LICENSE-DejaVu.txt), shipped inside this assembly, so a
/// PDF looks the same on a developer's machine, in CI and in a container without a single font installed, and å, ä and ö
/// (and every other letter DejaVu has) render. PDFsharp's core build finds no fonts of its own on Linux.
/// </summary>
public static class PdfFonts
{
    /// <summary>The family every PDF asks for; any other family asked for gets the same faces.</summary>
    public const string Family = "DejaVu Sans";

    // PDFsharp's font resolver is one per process (GlobalFontSettings is static) and may be set only once, before any font is
    // used; setting it from each export, test or request would race. So it is set here, once, whoever asks first: tests and
    // the app call EnsureInstalled before drawing, and the Lazy makes a second caller wait for the first.
    private static readonly Lazy<EmbeddedFontResolver> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Sets the resolver if it is not set yet; cheap after the first call. Call it before creating an XFont.</summary>
    /// <exception cref="InvalidOperationException">Another resolver was set in this process, so these fonts cannot be used.</exception>
    public static void EnsureInstalled() => _ = Installed.Value;

    private static EmbeddedFontResolver Install()
    {
        var resolver = new EmbeddedFontResolver();
        if (GlobalFontSettings.FontResolver is { } other)
            throw new InvalidOperationException($"PDFsharp already has a font resolver ({other.GetType().Name}); only PdfFonts may set it.");
        GlobalFontSettings.FontResolver = resolver;
        return resolver;
    }

    /// <summary>Resolves every family to the regular or bold face of DejaVu Sans (italic is simulated) from the embedded files.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private const string Regular = "DejaVuSans";
        private const string Bold = "DejaVuSans-Bold";

        private readonly ConcurrentDictionary<string, byte[]> faces = new();

        public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(isBold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: isItalic);

        public byte[] GetFont(string faceName) => faces.GetOrAdd(faceName, Read);

        private static byte[] Read(string faceName)
        {
            // The logical names are set in NspWorkflow.Web.csproj.
            var name = $"NspWorkflow.Web.Fonts.{faceName}.ttf";
            using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The font {name} is not embedded in {typeof(PdfFonts).Assembly.GetName().Name}.");
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return bytes.ToArray();
        }
    }
}

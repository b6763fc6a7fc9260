using System.Xml;
using System.Xml.Linq;

namespace NspWorkflow.Engine.Parsing;

/// <summary>
/// Reads untrusted XML: no DTD (so no entity expansion and no external entities), no resolver (so no file or
/// network access), a size limit and a nesting limit. Never throws; returns a message instead.
/// </summary>
internal static class SafeXml
{
    public const int MaxCharacters = 5 * 1024 * 1024;
    public const int MaxDepth = 64;

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static XDocument? Load(string? xml, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(xml))
        {
            error = "The file is empty.";
            return null;
        }

        if (xml.Length > MaxCharacters)
        {
            error = $"The file is larger than the limit of {MaxCharacters / (1024 * 1024)} MB characters.";
            return null;
        }

        try
        {
            // First pass streams through the document to enforce the depth limit before anything builds a tree.
            using (var reader = XmlReader.Create(new StringReader(xml), Settings()))
            {
                while (reader.Read())
                {
                    if (reader.Depth > MaxDepth)
                    {
                        error = $"The file nests elements deeper than {MaxDepth} levels, which no BPMN diagram needs.";
                        return null;
                    }
                }
            }

            using var second = XmlReader.Create(new StringReader(xml), Settings());
            return XDocument.Load(second, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            error = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "The file contains a document type declaration (DTD), which is not allowed in a BPMN file."
                : $"The file is not well-formed XML: {ex.Message}";
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            error = $"The file could not be read as XML: {ex.Message}";
            return null;
        }
    }
}

using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using NspWorkflow.Engine.Parsing;
using NspWorkflow.Web.Tests.Pathways;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Workflows;

/// <summary>
/// The designer's moddle descriptor round-trips the project's files: every file in <c>workflows/</c> opened and saved by
/// the designer's bpmn-js in Chromium reads back to the same engine model, nsp settings included.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DesignerRoundTripTests(SharedApp shared, BrowserFixture browser) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Every_workflow_file_saved_by_the_designer_gives_the_same_engine_model()
    {
        var page = await browser.SignedInPageAsync(shared.App, 1280, "Anders Administratör", 900);
        await page.GotoAsync("/designer/example-approval");
        await page.WaitForFunctionAsync("() => window.nspDesigner !== undefined");

        var files = Directory.EnumerateFiles(PathwayFiles.Folder, "*.bpmn").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 9, $"Expected the project's workflow files in {PathwayFiles.Folder}.");
        foreach (var file in files)
        {
            var original = await File.ReadAllTextAsync(file);
            var saved = await page.EvaluateAsync<string>("""
                async (xml) => {
                  const modeler = window.nspDesigner.modeler;
                  const { warnings } = await modeler.importXML(xml);
                  if (warnings.length) throw new Error(warnings.map(w => w.message).join('; '));
                  return (await modeler.saveXML({ format: true })).xml;
                }
                """, original);

            var name = Path.GetFileName(file);
            Assert.True(saved.Contains("nsp:", StringComparison.Ordinal) || !original.Contains("nsp:", StringComparison.Ordinal), $"{name} lost its nsp settings.");
            Assert.Equal(Model(original, name), Model(saved, name));
        }

        await page.Context.CloseAsync();
    }

    /// <summary>The engine's reading of a file, written out property by property (records compare lists by reference).</summary>
    private static string Model(string xml, string file)
    {
        var result = new BpmnParser().Parse(xml);
        Assert.True(result.Problems.IsEmpty, $"{file}: {string.Join("; ", result.Problems)}");
        var text = new StringBuilder();
        Write(text, result.Document, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        Assert.True(depth < 20, "The engine model nests deeper than expected.");
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string or bool or int or long or decimal or double or Enum or DateTimeOffset:
                text.Append(value);
                break;
            case var _ when value.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
                && (bool)t.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(value)!:
                text.Append("default");
                break;
            case IDictionary dictionary:
                text.Append('{');
                foreach (var key in dictionary.Keys.Cast<object>().OrderBy(k => k.ToString(), StringComparer.Ordinal))
                {
                    text.Append(key).Append(": ");
                    Write(text, dictionary[key], depth + 1);
                    text.Append(", ");
                }

                text.Append('}');
                break;
            case IEnumerable sequence:
                text.Append('[');
                foreach (var item in sequence)
                {
                    Write(text, item, depth + 1);
                    text.Append(", ");
                }

                text.Append(']');
                break;
            default:
                var type = value.GetType();
                text.Append(type.Name).Append('(');
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    text.Append(property.Name).Append('=');
                    Write(text, property.GetValue(value), depth + 1);
                    text.Append(' ');
                }

                text.Append(')');
                break;
        }
    }
}

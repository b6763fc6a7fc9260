using System.Text.Json;
using System.Xml.Linq;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Pathways;

/// <summary>
/// Each pathway file opens in bpmn-js, the designer the administrators use: no import warning, a shape or connection
/// for every element of the process, and a file the designer saves again is still publishable with its nsp: settings.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PathwayDesignerTests(BrowserFixture browser)
{
    private const string ImportScript = """
        async (xml) => {
          const container = document.createElement('div');
          container.style.width = '1400px';
          container.style.height = '900px';
          document.body.appendChild(container);
          const modeler = new BpmnJS({ container });
          const { warnings } = await modeler.importXML(xml);
          const registry = modeler.get('elementRegistry');
          const process = modeler.getDefinitions().rootElements.find(e => e.$type === 'bpmn:Process');
          const elements = process.flowElements.map(e => e.id);
          const drawn = elements.filter(id => {
            const element = registry.get(id);
            return element && (element.waypoints ? element.waypoints.length >= 2 : element.width > 0 && element.height > 0);
          });
          const { xml: saved } = await modeler.saveXML({ format: true });
          container.remove();
          return JSON.stringify({ warnings: warnings.map(w => w.message), elements, drawn, saved });
        }
        """;

    public static TheoryData<string> Files => [.. PathwayFiles.ProcessIds];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_file_opens_in_bpmn_js_without_warnings_with_every_element_drawn_and_saves_back_publishable(string processId)
    {
        var bundle = Path.Combine(PathwayFiles.RepositoryRoot, "src", "NspWorkflow.Web", "node_modules", "bpmn-js", "dist", "bpmn-modeler.production.min.js");
        Assert.True(File.Exists(bundle), $"bpmn-js is missing: run npm ci in src/NspWorkflow.Web ({bundle}).");
        var context = await browser.Browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.SetContentAsync("<!doctype html><html><body></body></html>");
            await page.AddScriptTagAsync(new() { Path = bundle });

            var result = JsonDocument.Parse(await page.EvaluateAsync<string>(ImportScript, PathwayFiles.Xml(processId))).RootElement;

            Assert.Empty(result.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
            var elements = result.GetProperty("elements").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.NotEmpty(elements);
            Assert.Equal(elements, result.GetProperty("drawn").EnumerateArray().Select(e => e.GetString()));

            // What the designer writes back keeps the nsp: attributes: the engine still finds nothing to object to.
            var saved = result.GetProperty("saved").GetString()!;
            var (_, problems) = new DefinitionChecker().Check(saved, PathwayFiles.Context());
            Assert.True(problems.IsEmpty, string.Join("\n", problems));
            Assert.Equal(Settings(PathwayFiles.Xml(processId)), Settings(saved));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Every nsp: attribute, condition and timer of the file, by the id of the element that holds it.</summary>
    private static List<string> Settings(string xml)
    {
        XNamespace nsp = "https://nsp-workflow.se/schema/bpmn";
        var elements = XDocument.Parse(xml).Descendants().ToList();
        var attributes = elements.SelectMany(e => e.Attributes().Where(a => a.Name.Namespace == nsp)
            .Select(a => $"{(string?)e.Attribute("id")} nsp:{a.Name.LocalName}={a.Value}"));
        var expressions = elements.Where(e => e.Name.LocalName is "conditionExpression" or "timeDate")
            .Select(e => $"{(string?)e.Parent!.Attribute("id") ?? (string?)e.Parent.Parent!.Attribute("id")} {e.Name.LocalName}={e.Value.Trim()}");
        var result = attributes.Concat(expressions).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(result);
        return result;
    }
}

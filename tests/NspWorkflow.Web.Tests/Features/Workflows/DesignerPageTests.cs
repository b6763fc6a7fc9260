using System.Text.RegularExpressions;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.Pathways;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Workflows;

/// <summary>The designer page lists the workflows the engine runs (it once said there were none while eight were published).</summary>
[Collection(AppCollection.Name)]
public sealed class DesignerPageTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task The_designer_page_lists_every_published_pathway_with_its_version()
    {
        using var admin = await shared.App.SignInAsync("admin");
        var page = await PagesClient.ReadAsync(await admin.GetAsync("/designer"));

        var shipped = Directory.GetFiles(PathwayFiles.Folder, "*.bpmn")
            .Select(f => Regex.Match(File.ReadAllText(f), "<bpmn:process id=\"([^\"]+)\"").Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        var listed = Regex.Matches(page, "<td><code>([^<]+)</code></td>\\s*<td>(\\d+)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(shipped, listed);
        Assert.DoesNotContain("Det finns inga arbetsflöden", page);
    }
}

using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NspWorkflow.Web.Tests.TestHost;

/// <summary>What every page a browser test visits is held to: axe-core finds nothing serious, and its screenshot is kept.</summary>
public static class PageChecks
{
    /// <summary>The folder the screenshots go to, beside the test assembly's results.</summary>
    public static string ScreenshotFolder { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    /// <summary>Runs axe-core (Deque.AxeCore.Playwright, axe-core 4.14) on the page as it stands; a serious or critical violation fails.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{what}: axe-core found {serious.Count} serious or critical violations:\n{string.Join("\n", serious)}");
    }

    /// <summary>A full-page screenshot named for what it shows and the viewport's width.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{page.ViewportSize?.Width}.png"), FullPage = true });
}

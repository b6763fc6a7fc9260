using Microsoft.Playwright;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>A shelter worker comments on its case from the case page, on a phone and at a desk, and finds the comment in the timeline.</summary>
[Collection(AppCollection.Name)]
public sealed class CaseTimelineBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task The_shelter_writes_a_comment_and_sees_it_in_the_timeline(int width, int height)
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAndAdmitAsync(driver.Today);
        var page = await browser.SignedInPageAsync(app, width, "Sofia på Demoboende Nord", height);
        var context = page.Context;
        await page.GotoAsync($"/cases/{id}");

        var timeline = page.GetByRole(AriaRole.Region, new() { Name = "Händelser och kommentarer" });
        await Assertions.Expect(timeline.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        await timeline.GetByRole(AriaRole.Button, new() { Name = "Spara kommentar" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Kommentar måste anges.");
        await PageChecks.AssertAccessibleAsync(page, "the case page with a comment error");
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        var field = page.GetByRole(AriaRole.Region, new() { Name = "Händelser och kommentarer" }).GetByLabel("Kommentar", new() { Exact = true });
        await Assertions.Expect(field).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Hon har fått tolk till läkarbesöket.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara kommentar" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Kommentaren är sparad.");
        var last = page.GetByRole(AriaRole.Region, new() { Name = "Händelser och kommentarer" }).GetByRole(AriaRole.Listitem).Last;
        await Assertions.Expect(last).ToContainTextAsync("Sofia på Demoboende Nord");
        await Assertions.Expect(last).ToContainTextAsync("Hon har fått tolk till läkarbesöket.");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The case page must fit the screen without sideways scrolling.");
        await PageChecks.AssertAccessibleAsync(page, "the case page with a comment in the timeline");
        await PageChecks.ScreenshotAsync(page, "case-timeline-comment");
        await context.CloseAsync();
    }
}

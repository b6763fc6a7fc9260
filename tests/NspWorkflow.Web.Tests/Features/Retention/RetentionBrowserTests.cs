using Microsoft.Playwright;
using NspWorkflow.Web.Features.Retention;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Web.Tests.Features.Retention.RetentionDriver;

namespace NspWorkflow.Web.Tests.Features.Retention;

/// <summary>The administrator's retention page and an erased case's page on a phone (390 px): readable, by keyboard, axe-clean.</summary>
[Collection(AppCollection.Name)]
public sealed class RetentionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_administrator_reads_the_coming_and_the_last_erasures_on_a_phone_and_opens_an_erased_case()
    {
        await using var app = await NspApp.StartAsync(settings: new Dictionary<string, string?> { [RetentionOptions.Key] = "1" });
        var driver = await CaseDriver.StartAsync(app);
        var day0 = driver.Today;
        var erased = await RejectedAsync(driver);
        SetDay(app, day0.AddDays(20));
        var coming = await RejectedAsync(driver);
        SetDay(app, day0.AddYears(1).AddDays(1));
        Assert.Equal(new RetentionRun(1, 0), await RunAsync(app));

        var page = await browser.SignedInPageAsync(app, 390, "Anders Administratör");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gallring", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gallring av personuppgifter");
        var upcoming = page.GetByRole(AriaRole.Table, new() { Name = "Gallras de närmaste 30 dagarna" });
        await Assertions.Expect(upcoming.GetByRole(AriaRole.Row).Filter(new() { HasText = coming.Reference }))
            .ToContainTextAsync(day0.AddDays(20).AddYears(1).ToString("yyyy-MM-dd"));
        var done = page.GetByRole(AriaRole.Table, new() { Name = "Senast gallrade" });
        await Assertions.Expect(done).ToContainTextAsync(erased.Reference);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        await PageChecks.AssertAccessibleAsync(page, "the retention page");
        await PageChecks.ScreenshotAsync(page, "retention");

        // By keyboard to the erased case: its reference and the day, nothing else.
        await done.GetByRole(AriaRole.Link, new() { Name = erased.Reference }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            $"Personuppgifterna i ärendet är gallrade {day0.AddYears(1).AddDays(1):yyyy-MM-dd}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(erased.Reference);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the case page scrolls sideways at 390 px");
        await PageChecks.AssertAccessibleAsync(page, "an erased case's page");
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Shelters;

/// <summary>The placement search on a phone, used with the keyboard and found by its labels as a person finds it.</summary>
[Collection(AppCollection.Name)]
public sealed class PlacementBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_coordinator_finds_a_shelter_for_a_woman_with_a_child_in_the_north_on_a_phone()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        // Demoboende Nord has 6 places; one admitted case leaves 5.
        await driver.ApplyAndAdmitAsync(driver.Today);

        var page = await browser.SignedInPageAsync(app, 390, "Karin Samordnare");
        await page.GotoAsync("/shelters/placement");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lediga platser", Level = 1 })).ToBeVisibleAsync();

        // A number below zero is refused naming the field, in a summary that takes focus and leads to it.
        await page.GetByLabel("Minsta antal lediga platser", new() { Exact = true }).FillAsync("-2");
        await page.GetByLabel("Minsta antal lediga platser", new() { Exact = true }).PressAsync("Enter");
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Minsta antal lediga platser får inte vara negativt.");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await PageChecks.AssertAccessibleAsync(page, "the placement search refusing a number");
        await summary.GetByRole(AriaRole.Link).PressAsync("Enter");
        var least = page.GetByLabel("Minsta antal lediga platser", new() { Exact = true });
        await Assertions.Expect(least).ToBeFocusedAsync();
        await least.FillAsync("");

        // The region and the target group by their labels, the search sent from the keyboard.
        await page.GetByLabel("Region", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nord" });
        var children = page.GetByLabel("Medföljande barn", new() { Exact = true });
        await children.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(children).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/shelters/placement?region=nord*accompanyingChildren=true*");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Boenden som matchar: 1");
        var results = page.GetByRole(AriaRole.Table, new() { Name = "Sökresultat" });
        var row = results.GetByRole(AriaRole.Row).Filter(new() { HasText = "Demoboende Nord" });
        // Region, free places, places, running cases: 6 − 1 = 5.
        await Assertions.Expect(row.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["Nord", "5", "6", "1", "Kvinnor, Medföljande barn",
            "Sexuella ändamål, Arbetskraftsexploatering"]);
        await Assertions.Expect(results.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        var regions = page.GetByRole(AriaRole.Table, new() { Name = "Regioner" });
        await Assertions.Expect(regions.GetByRole(AriaRole.Row).Filter(new() { HasText = "Stockholm" })).ToContainTextAsync("Inget certifierat boende");
        await Assertions.Expect(page.GetByLabel("Region", new() { Exact = true })).ToHaveValueAsync("nord");
        // The menu, folded away on a phone, marks this page and not the shelter register as the current one.
        await Assertions.Expect(page.Locator("#main-nav a[aria-current=page]")).ToHaveTextAsync(["Lediga platser"]);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The page must fit a 390 px wide screen without sideways scrolling; the tables scroll in their own frame.");
        await PageChecks.AssertAccessibleAsync(page, "the placement search");
        await PageChecks.ScreenshotAsync(page, "placement-search");
        await page.Context.CloseAsync();
    }
}

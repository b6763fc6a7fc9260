using Microsoft.Playwright;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>Pages used in a real browser on a phone-sized screen, with the keyboard only.</summary>
[Collection(AppCollection.Name)]
public sealed class PagesBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_coordinator_rejects_an_admission_with_the_keyboard_on_a_phone()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var taskId = await driver.OpenTaskAsync(id, "admission-review");
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.AbsoluteUri, ViewportSize = new ViewportSize { Width = 375, Height = 740 }, Locale = "sv-SE",
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First.ClickAsync();
        await page.WaitForURLAsync("**/dev/sign-in**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Karin Samordnare" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl.AbsoluteUri);

        await page.GotoAsync("/inbox");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference }).GetByRole(AriaRole.Link, new() { Name = "Granska ansökan" }).ClickAsync();
        await page.WaitForURLAsync($"**/tasks/{taskId}?from=inbox");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The task page must fit a 375 px wide screen without sideways scrolling.");

        // Keyboard only: write the reason, tab past Godkänn to Avslå and press Enter.
        var reason = page.GetByLabel("Motivering", new() { Exact = true });
        await reason.FocusAsync();
        await page.Keyboard.TypeAsync("Kriterierna är inte styrkta.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Godkänn" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Avslå" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Uri(app.BaseUrl, "/tasks?completed=True").AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppgiften är slutförd.");
        var rejected = await driver.CaseAsync(id);
        Assert.Equal("rejected", rejected.GetProperty("outcome").GetString());
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_coordinator_filters_the_case_list_with_the_keyboard_on_a_phone()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.AbsoluteUri, ViewportSize = new ViewportSize { Width = 390, Height = 800 }, Locale = "sv-SE",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First.ClickAsync();
        await page.WaitForURLAsync("**/dev/sign-in**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Karin Samordnare" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl.AbsoluteUri);

        await page.GotoAsync("/cases");
        // Every filter field has its label; the status is chosen and the reference typed from the keyboard.
        await page.GetByLabel("Status", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByLabel("Status", new() { Exact = true })).ToHaveValueAsync("applied");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Boende", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Ärendenummer")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(reference[^4..]);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync($"**/cases?status=applied&shelter=&q={reference[^4..]}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = reference })).ToHaveAttributeAsync("href", $"/cases/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ärenden som matchar:");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The case list must fit a 390 px wide screen without sideways scrolling.");
        await context.CloseAsync();
    }
}

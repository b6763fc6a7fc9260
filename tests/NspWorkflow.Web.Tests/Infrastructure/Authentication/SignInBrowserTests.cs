using Microsoft.Playwright;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Infrastructure.Authentication;

/// <summary>What a person does in a real browser: the real sign-in pages, clicks, the pages they land on.</summary>
[Collection(AppCollection.Name)]
public sealed class SignInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_coordinator_signs_in_through_the_sign_in_pages_and_reaches_the_inbox()
    {
        await using var app = await NspApp.StartAsync();
        var page = await browser.NewPageAsync(app);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First.ClickAsync();
        await page.WaitForURLAsync("**/dev/sign-in**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Karin Samordnare" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl.AbsoluteUri);
        // On a wide screen the navigation shows at once; the menu button is for phones.
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Meny" }).IsVisibleAsync());
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Inkorg" }).ClickAsync();

        await page.WaitForURLAsync("**/inbox");
        Assert.Equal("Inkorg", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        Assert.Contains("Karin Samordnare", await page.Locator("header").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_shelter_user_is_refused_the_shelters_administration()
    {
        await using var app = await NspApp.StartAsync();
        var page = await browser.NewPageAsync(app);

        await page.GotoAsync("/shelters");
        await page.WaitForURLAsync("**/dev/sign-in**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sofia på Demoboende Nord" }).ClickAsync();

        await page.WaitForURLAsync("**/access-denied**");
        Assert.Equal("Åtkomst nekad", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Boenden" }).CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_from_a_button_and_works_with_the_keyboard()
    {
        await using var app = await NspApp.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.AbsoluteUri, ViewportSize = new ViewportSize { Width = 375, Height = 740 }, Locale = "sv-SE",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Karin Samordnare" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl.AbsoluteUri);

        var inbox = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Inkorg" });
        Assert.False(await inbox.IsVisibleAsync());
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Meny" });
        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await menu.GetAttributeAsync("aria-expanded"));
        Assert.True(await inbox.IsVisibleAsync());
        // No horizontal scrolling on a phone.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await context.CloseAsync();
    }
}

using Microsoft.Playwright;

namespace NspWorkflow.Web.Tests.TestHost;

/// <summary>Debian's Chromium, headless, driven by Playwright. Never a downloaded browser.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The browser tests need Debian's Chromium at {ChromiumPath} (apt-get install chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh, isolated browser context (no cookies shared between tests).</summary>
    public async Task<IPage> NewPageAsync(NspApp app, string locale = "sv-SE")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl.AbsoluteUri, Locale = locale });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh context <paramref name="width"/> pixels wide, in Swedish, signed in as the demo user named <paramref name="user"/>.</summary>
    public async Task<IPage> SignedInPageAsync(NspApp app, int width, string user, int height = 844)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.AbsoluteUri, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "sv-SE",
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, app, user);
        return page;
    }

    /// <summary>Signs in through the built-in provider's page, as a person does: "Logga in", then the demo user's button.</summary>
    public static async Task SignInAsync(IPage page, NspApp app, string name)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First.ClickAsync();
        // The address, not the load event: on a cold app and a busy machine the first page's load event has come after
        // 30 s while the page itself was there; the button below is waited for as a person waits for it.
        await page.WaitForURLAsync("**/dev/sign-in**", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByRole(AriaRole.Button, new() { Name = name }).ClickAsync();
        // The round trip ends on the home page, or on "/?signin=failed" when the provider refuses.
        // Wait for the address only (not the load event, which a busy CI machine may be slow to
        // fire), then for what a person sees once signed in.
        await page.WaitForURLAsync(
            url => url.StartsWith(app.BaseUrl.AbsoluteUri, StringComparison.Ordinal)
                && !url.Contains("/dev/sign-in", StringComparison.Ordinal)
                && !url.Contains("/connect/", StringComparison.Ordinal)
                && !url.Contains("/signin-oidc", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit });
        Assert.DoesNotContain("signin=failed", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

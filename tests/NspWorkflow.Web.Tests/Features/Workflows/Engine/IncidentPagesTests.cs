using System.Net;
using Microsoft.Playwright;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>The administrator's incident page in the real app, reached through the real sign-in, and in a browser on a phone.</summary>
[Collection(AppCollection.Name)]
public sealed class IncidentPagesTests(BrowserFixture browser)
{
    private const string Page = "/admin/incidents";

    [Fact]
    public async Task The_page_lists_a_failed_timer_and_retry_after_the_fix_continues_the_instance()
    {
        await using var app = await NspApp.StartAsync();
        await IncidentProcesses.PublishAsync(app);
        var instanceId = await IncidentProcesses.StartTimerCallAsync(app);
        await IncidentProcesses.DriveTimerCallToGiveUpAsync(app, instanceId);
        using var admin = await app.SignInAsync("admin");

        var home = await admin.GetStringAsync("/");
        Assert.Contains($"<a href=\"{Page}\">Incidenter</a>", home);
        var page = await admin.GetStringAsync(Page);
        Assert.Contains("<th scope=\"row\">timer-call / T_Wait</th>", page);
        Assert.Contains("failed 5 times", page);
        Assert.Contains(instanceId.ToString(), page);
        Assert.Contains("aria-label=\"Försök igen: timer-call / T_Wait\"", page);

        await IncidentProcesses.PublishChildAsync(app);
        var response = await admin.PostAsync($"{Page}?handler=Retry&id={instanceId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", NspApp.AntiforgeryToken(page))]));

        response.EnsureSuccessStatusCode();
        Assert.Equal(Page, response.RequestMessage!.RequestUri!.AbsolutePath);
        var after = await response.Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">Instansen fortsätter.</p>", after);
        Assert.Contains("Inga öppna incidenter.", after);
        // Due now: the next sweep fires it.
        await EngineCalls.SweepAsync(app);
        await IncidentProcesses.WaitForTimerAsync(app, instanceId, t => t.Status == NspWorkflow.Engine.Store.TimerStatus.Fired);
    }

    [Fact]
    public async Task A_retry_that_fails_again_says_so_and_the_incident_stays_listed_once()
    {
        await using var app = await NspApp.StartAsync();
        await IncidentProcesses.PublishAsync(app);
        var instanceId = await IncidentApiTests.StartGatewayCheckAsync(app);
        using var admin = await app.SignInAsync("admin");
        var page = await admin.GetStringAsync(Page);
        Assert.DoesNotContain("Confidential note 4711", page);

        var response = await admin.PostAsync($"{Page}?handler=Retry&id={instanceId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", NspApp.AntiforgeryToken(page))]));

        var after = await response.Content.ReadAsStringAsync();
        Assert.Contains("Stegen kördes igen men instansen stannade på nytt. Se felet i listan.", after);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(after, "<th scope=\"row\">gateway-check / Gate</th>"));
    }

    [Fact]
    public async Task Only_an_administrator_may_open_the_page_and_a_retry_needs_the_antiforgery_token()
    {
        await using var app = await NspApp.StartAsync();
        await IncidentProcesses.PublishAsync(app);
        var instanceId = await IncidentApiTests.StartGatewayCheckAsync(app);

        using var coordinator = await app.SignInAsync("coordinator");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(Page)).StatusCode);
        Assert.DoesNotContain($"href=\"{Page}\"", await coordinator.GetStringAsync("/"));
        using var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostAsync($"{Page}?handler=Retry&id={instanceId}", new FormUrlEncodedContent([]))).StatusCode);
        var page = await admin.GetStringAsync(Page);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{Page}?handler=Retry&id={Guid.NewGuid()}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", NspApp.AntiforgeryToken(page))]))).StatusCode);
    }

    [Fact]
    public async Task The_page_is_English_when_the_user_chose_English()
    {
        await using var app = await NspApp.StartAsync();
        using var admin = await app.SignInAsync("admin");
        await NspApp.ChooseEnglishAsync(admin);
        await IncidentProcesses.PublishAsync(app);
        await IncidentApiTests.StartGatewayCheckAsync(app);

        var page = await admin.GetStringAsync(Page);

        Assert.Contains("<h1 id=\"incidents-heading\">Incidents</h1>", page);
        Assert.Contains("<th scope=\"col\">Process and step</th>", page);
        Assert.Contains(">Retry</button>", page);
        Assert.Contains("aria-label=\"Retry: gateway-check / Gate\"", page);
    }

    [Fact]
    public async Task On_a_phone_the_administrator_reaches_retry_by_keyboard_and_sees_the_outcome()
    {
        await using var app = await NspApp.StartAsync();
        await IncidentProcesses.PublishAsync(app);
        await IncidentApiTests.StartGatewayCheckAsync(app);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.AbsoluteUri, ViewportSize = new ViewportSize { Width = 375, Height = 740 }, Locale = "sv-SE",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First.ClickAsync();
        await page.WaitForURLAsync("**/dev/sign-in**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anders Administratör" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl.AbsoluteUri);

        await page.GotoAsync(Page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incidenter", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The page must fit a 375 px wide screen without sideways scrolling.");
        var retry = page.GetByRole(AriaRole.Button, new() { Name = "Försök igen: gateway-check / Gate" });
        var reached = false;
        for (var i = 0; i < 40 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await retry.EvaluateAsync<bool>("button => button === document.activeElement");
        }
        Assert.True(reached, "The retry button must be reachable with the Tab key.");
        await Assertions.Expect(retry).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status))
            .ToHaveTextAsync("Stegen kördes igen men instansen stannade på nytt. Se felet i listan.");
        await context.CloseAsync();
    }
}

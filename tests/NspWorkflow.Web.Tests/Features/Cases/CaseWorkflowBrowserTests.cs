using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// The instance view of a case (/cases/{id}/workflow): where a running case stands, in the diagram of the version it runs
/// on and in tables, for the coordinator; to a shelter and the reader it does not exist.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class CaseWorkflowBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_coordinator_sees_the_current_step_the_steps_passed_and_the_reminders_of_an_admitted_case_and_a_shelter_does_not()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, reference) = await driver.ApplyAndAdmitAsync(driver.Today);
        var view = $"/cases/{id}/workflow";

        using (var shelter = await app.SignInAsync("shelter-1"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await shelter.GetAsync(view)).StatusCode);
            Assert.DoesNotContain(view, await shelter.GetStringAsync($"/cases/{id}"));
        }

        using (var reader = await app.SignInAsync("reader"))
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(view)).StatusCode);

        var page = await browser.SignedInPageAsync(app, 1280, "Karin Samordnare", 900);
        // The viewer runs under the app's Content-Security-Policy (no inline styles or scripts): a refusal would be logged here.
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("favicon", StringComparison.Ordinal))
                errors.Add(message.Text);
        };
        // The browser's "Failed to load resource" does not say which: the response does (it flaked once in CI, unexplained).
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.Contains("favicon", StringComparison.Ordinal))
                errors.Add($"{response.Status} {response.Url}");
        };
        await page.GotoAsync($"/cases/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Visa arbetsflödet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Arbetsflödet för ärende {reference}", Level = 1 })).ToBeVisibleAsync();

        // After the admission the shelter's next-step task waits in nsp-next-step, the instance shown first.
        await Assertions.Expect(page.Locator("[data-element-id=Task_NextStep]").First).ToHaveClassAsync(CurrentStep());
        var steps = page.GetByRole(AriaRole.Table, new() { Name = "Aktuella steg" });
        await Assertions.Expect(steps.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ansök om nästa steg" })).ToContainTextAsync("En uppgift för: Boendet");
        await Assertions.Expect(page.Locator(".djs-overlays[data-container-id=StartEvent_NextStep] .passed-count")).ToHaveTextAsync("1");
        var passed = page.GetByRole(AriaRole.Table, new() { Name = "Passerade steg" });
        await Assertions.Expect(passed.GetByRole(AriaRole.Row).Filter(new() { HasText = "Period pågår" })).ToContainTextAsync("1");

        // The reflection's reminders wait 7 and 2 days before the period's last day (30 days from the placement).
        var timers = page.GetByRole(AriaRole.Table, new() { Name = "Väntande timrar" });
        await Assertions.Expect(timers.GetByRole(AriaRole.Row).Filter(new() { HasText = "Påminnelse 7 dagar före periodens slut" }))
            .ToContainTextAsync(Day(driver.Today.AddDays(22)));
        await Assertions.Expect(timers.GetByRole(AriaRole.Row).Filter(new() { HasText = "Påminnelse 2 dagar före periodens slut" }))
            .ToContainTextAsync(Day(driver.Today.AddDays(27)));
        var journal = page.GetByRole(AriaRole.Table, new() { Name = "Journal" });
        await Assertions.Expect(journal.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ansök om nästa steg" }).First).ToContainTextAsync("Steget började");
        await PageChecks.AssertAccessibleAsync(page, "the instance view of an admitted case");
        await PageChecks.ScreenshotAsync(page, "case-workflow");

        // The case's own instance shows the running reflection as its current step; its link in the list leads there.
        await page.GetByRole(AriaRole.Table, new() { Name = "Processinstanser" }).GetByRole(AriaRole.Link, new() { Name = "NSP-ärende" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-element-id=Activity_Reflection]").First).ToHaveClassAsync(CurrentStep());
        await Assertions.Expect(page.Locator(".djs-overlays[data-container-id=Activity_Admission] .passed-count")).ToHaveTextAsync("1");

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-element-id=Activity_Reflection]").First).ToHaveClassAsync(CurrentStep());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The instance view must fit a phone's screen without sideways scrolling.");
        await PageChecks.ScreenshotAsync(page, "case-workflow");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\bcurrent-step\b")]
    private static partial Regex CurrentStep();
}

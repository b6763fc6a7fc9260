using Microsoft.Playwright;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// The completion loop in the browser: the coordinator asks for completion with a comment; the shelter's task shows the
/// comment and the application to edit; the shelter changes the birth year and adds a child; the coordinator's review
/// shows what changed, and approves.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CompletionLoopBrowserTests(BrowserFixture browser)
{
    private const string Comment = "Födelseåret stämmer inte med intyget, och barnet saknas";

    [Fact]
    public async Task The_shelter_completes_its_application_as_asked_and_the_coordinator_sees_what_changed()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var coordinator = await browser.SignedInPageAsync(app, 1280, "Karin Samordnare");

        await coordinator.GotoAsync("/inbox");
        await coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = reference }).GetByRole(AriaRole.Link, new() { Name = "Granska ansökan" }).ClickAsync();
        await coordinator.GetByLabel("Motivering", new() { Exact = true }).FillAsync(Comment);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Begär komplettering" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppgiften är slutförd.");

        var shelter = await browser.SignedInPageAsync(app, 390, "Sofia på Demoboende Nord");
        await shelter.GotoAsync("/tasks");
        await shelter.GetByRole(AriaRole.Link, new() { Name = "Komplettera ansökan" }).First.ClickAsync();
        // In the case file at the top (the timeline below repeats it).
        await Assertions.Expect(shelter.GetByText(Comment).First).ToBeVisibleAsync();
        var birthYear = shelter.Locator("#Input_Form_BirthYear");
        await Assertions.Expect(birthYear).ToHaveValueAsync("1995");
        await birthYear.FillAsync("1994");
        var firstChild = shelter.GetByRole(AriaRole.Group, new() { Name = "Barn 1" });
        await firstChild.GetByLabel("Födelseår").FillAsync("2020");
        await firstChild.GetByLabel("Barnet är i Sverige").CheckAsync();
        await PageChecks.AssertAccessibleAsync(shelter, "the completion task");
        await PageChecks.ScreenshotAsync(shelter, "completion-task");
        await shelter.GetByRole(AriaRole.Button, new() { Name = "Skicka in" }).ClickAsync();
        await Assertions.Expect(shelter.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppgiften är slutförd.");

        // The application came through the API without an initial needs assessment: the completed one has it.
        var review = await driver.OpenTaskAsync(id, "admission-review");
        await coordinator.GotoAsync($"/tasks/{review}");
        await Assertions.Expect(coordinator.Locator("dt:has-text(\"Ändrat vid kompletteringen\") + dd")).ToHaveTextAsync("Födelseår, Barn, Initial behovsbedömning");
        await Assertions.Expect(coordinator.GetByText("Född 2020, i Sverige")).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(coordinator, "the review after completion");
        await PageChecks.ScreenshotAsync(coordinator, "review-after-completion");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkänn" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppgiften är slutförd.");

        var stored = await driver.CaseAsync(id);
        Assert.Equal(("active", 1994), (stored.GetProperty("status").GetString(), stored.GetProperty("birthYear").GetInt32()));
        await coordinator.Context.CloseAsync();
        await shelter.Context.CloseAsync();
    }

}

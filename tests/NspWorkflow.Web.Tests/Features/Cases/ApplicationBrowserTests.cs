using Microsoft.Playwright;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// A shelter worker files an admission application in the browser, on a phone and at a desk: saves a draft, opens it
/// again, submits with one criterion left unticked, follows the error summary to the field, fixes it and submits.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApplicationBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task A_shelter_worker_saves_a_draft_corrects_the_error_the_summary_names_and_submits(int width, int height)
    {
        await using var app = await NspApp.StartAsync();
        var today = SwedishCalendar.Today(app.Clock);
        var page = await browser.SignedInPageAsync(app, width, "Sofia på Demoboende Nord", height);
        var context = page.Context;

        await page.GotoAsync("/cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny ansökan" }).ClickAsync();
        await page.WaitForURLAsync("**/cases/new");
        await page.GetByLabel("Placeringsdatum").FillAsync(today.AddDays(-2).ToString("yyyy-MM-dd"));
        await page.Locator("#Form_BirthYear").FillAsync("1995");
        await page.GetByLabel("Kön").SelectOptionAsync(new SelectOptionValue { Label = "Kvinna" });
        await page.GetByLabel("Ursprungsland").FillAsync("Rumänien");
        await page.GetByLabel("Sexuella ändamål").CheckAsync();
        var firstChild = page.GetByRole(AriaRole.Group, new() { Name = "Barn 1" });
        await firstChild.GetByLabel("Födelseår").FillAsync("2019");
        await firstChild.GetByLabel("Barnet är i Sverige").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till barn" }).ClickAsync();
        var secondChild = page.GetByRole(AriaRole.Group, new() { Name = "Barn 2" });
        // The new row's birth year has the focus: the keyboard goes on where the row was added.
        await Assertions.Expect(secondChild.GetByLabel("Födelseår")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("2021");
        await page.GetByLabel("Personen är sannolikt utsatt för människohandel").CheckAsync();
        await page.GetByLabel("Boendet kan tillgodose personens behov").CheckAsync();
        var housing = page.GetByRole(AriaRole.Group, new() { Name = "Boende", Exact = true });
        await housing.GetByLabel("Behov finns").CheckAsync();
        await housing.GetByLabel("Planerat stöd").FillAsync("Skyddat boende med personal dygnet runt");

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await page.WaitForURLAsync("**/cases/new?draft=*");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Utkastet är sparat");
        await page.GotoAsync("/cases");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Utkast sparat") }).ClickAsync();
        await Assertions.Expect(page.Locator("#Form_BirthYear")).ToHaveValueAsync("1995");
        await Assertions.Expect(page.GetByLabel("Ursprungsland")).ToHaveValueAsync("Rumänien");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Barn 2" }).GetByLabel("Födelseår")).ToHaveValueAsync("2021");
        await PageChecks.AssertAccessibleAsync(page, "the application form");
        await PageChecks.ScreenshotAsync(page, "application-draft");

        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Ansökan skickades inte");
        var error = summary.GetByRole(AriaRole.Link, new() { Name = "Samhället finansierar inte stödet måste vara uppfyllt för att ansöka." });
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Form_BirthYear")).ToHaveValueAsync("1995");
        await PageChecks.AssertAccessibleAsync(page, "the application form with an error");
        await PageChecks.ScreenshotAsync(page, "application-error");
        await error.ClickAsync();
        var criterion = page.GetByLabel("Samhället finansierar inte stödet");
        await Assertions.Expect(criterion).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(criterion).ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cases/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ansökan är skickad");
        await Assertions.Expect(page.GetByText("Rumänien")).ToBeVisibleAsync();
        if (width < 400)
        {
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
                "The case page must fit a phone's screen without sideways scrolling.");
        }

        // What the coordinator will review: the case as stored, with its children and assessment, and the review task.
        var id = Guid.Parse(page.Url[^36..]);
        var driver = await CaseDriver.StartAsync(app);
        var stored = await driver.CaseAsync(id);
        Assert.Equal(("applied", 1995, "RO"), (stored.GetProperty("status").GetString(), stored.GetProperty("birthYear").GetInt32(),
            stored.GetProperty("countryOfOrigin").GetString()));
        Assert.Equal([(2019, true), (2021, false)], stored.GetProperty("children").EnumerateArray()
            .Select(c => (c.GetProperty("birthYear").GetInt32(), c.GetProperty("inSweden").GetBoolean())).ToList());
        await driver.OpenTaskAsync(id, "admission-review");
        // The draft went with the submission.
        await page.GotoAsync("/cases");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Utkast till ansökningar" })).ToHaveCountAsync(0);
        await context.CloseAsync();
    }
}

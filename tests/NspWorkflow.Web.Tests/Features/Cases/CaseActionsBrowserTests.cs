using Microsoft.Playwright;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// A shelter worker on a phone acts on its running case from the case page: applies for a point intervention with its
/// receipt (after the amount over the cap is named and corrected), opens the receipt, and records a police report.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CaseActionsBrowserTests(BrowserFixture browser)
{
    /// <summary>The eight bytes every PNG file starts with, and a little more: enough for the receipt check.</summary>
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task The_shelter_applies_for_a_point_intervention_with_a_receipt_and_records_a_police_report_on_a_phone()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAndAdmitAsync(driver.Today);
        var page = await browser.SignedInPageAsync(app, 390, "Sofia på Demoboende Nord", 844);
        var context = page.Context;
        await page.GotoAsync($"/cases/{id}");

        var point = page.GetByRole(AriaRole.Region, new() { Name = "Ansök om punktinsats" });
        await point.GetByLabel("Kategori").SelectOptionAsync(new SelectOptionValue { Label = "Kläder" });
        await point.GetByLabel("Belopp (kr)").FillAsync("6000");
        await point.GetByLabel("Beskrivning").FillAsync("Vinterkläder");
        await point.GetByLabel("Kvitto").SetInputFilesAsync(new FilePayload { Name = "kvitto.png", MimeType = "image/png", Buffer = Png });
        await point.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan om punktinsats" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Belopp (kr) får vara högst 5000 kronor.");
        await Assertions.Expect(point.GetByLabel("Belopp (kr)")).ToHaveValueAsync("6000");
        await PageChecks.AssertAccessibleAsync(page, "the case page with a point intervention error");
        await PageChecks.ScreenshotAsync(page, "case-point-intervention-error");
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(point.GetByLabel("Belopp (kr)")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("800");
        // A file input is not refilled after a post: the receipt is chosen again.
        await point.GetByLabel("Kvitto").SetInputFilesAsync(new FilePayload { Name = "kvitto.png", MimeType = "image/png", Buffer = Png });
        await point.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan om punktinsats" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ansökan om punktinsats är skickad till samordnaren.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kläder" });
        await Assertions.Expect(row).ToContainTextAsync("800 kr");
        var receiptLink = row.GetByRole(AriaRole.Link, new() { Name = "Visa kvitto" });
        var receipt = await context.APIRequest.GetAsync(await receiptLink.GetAttributeAsync("href") ?? "");
        Assert.Equal((200, "image/png"), (receipt.Status, receipt.Headers["content-type"]));
        Assert.Equal(Png, await receipt.BodyAsync());
        await driver.OpenTaskAsync(id, "point-intervention-review");

        var police = page.GetByRole(AriaRole.Region, new() { Name = "Polisanmälan" });
        await police.GetByLabel("Datum för polisanmälan").FillAsync(driver.Today.ToString("yyyy-MM-dd"));
        await police.GetByLabel("Nej").CheckAsync();
        await police.GetByRole(AriaRole.Button, new() { Name = "Registrera polisanmälan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Polisanmälan är registrerad.");
        // Without MMM the reflection runs on, and a later report (with MMM granted) can still be recorded.
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Polisanmälan" })).ToHaveCountAsync(1);
        var stored = await driver.CaseAsync(id);
        var report = Assert.Single(stored.GetProperty("policeReports").EnumerateArray());
        Assert.False(report.GetProperty("mmmGranted").GetBoolean());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The case page must fit a phone's screen without sideways scrolling.");
        await PageChecks.AssertAccessibleAsync(page, "the case page after both actions");
        await PageChecks.ScreenshotAsync(page, "case-actions-done");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_shelter_records_a_child_born_during_the_reflection_the_public_paying_the_housing_and_asks_for_the_supplement_on_a_phone()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var placement = driver.Today;
        var (id, _) = await driver.ApplyAndAdmitAsync(placement);
        var page = await browser.SignedInPageAsync(app, 390, "Sofia på Demoboende Nord", 844);
        await page.GotoAsync($"/cases/{id}");
        var terms = page.GetByRole(AriaRole.Region, new() { Name = "Barn och vad det allmänna betalar" });

        // A day after the reflection is named at its field, and what was typed stays.
        await terms.GetByLabel("Födelseår").FillAsync(placement.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await terms.GetByLabel("Ja").CheckAsync();
        var from = terms.GetByLabel("Från och med (första dagen med barntillägg)");
        await from.FillAsync(placement.AddDays(45).ToString("yyyy-MM-dd"));
        await terms.GetByRole(AriaRole.Button, new() { Name = "Registrera barnet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Från och med (första dagen med barntillägg) ligger utanför den pågående perioden.");
        await Assertions.Expect(terms.GetByLabel("Födelseår")).ToHaveValueAsync(placement.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await PageChecks.AssertAccessibleAsync(page, "the case page with a child's error");

        // Born on day 11: the supplement from that day.
        await from.FillAsync(placement.AddDays(10).ToString("yyyy-MM-dd"));
        await terms.GetByRole(AriaRole.Button, new() { Name = "Registrera barnet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Barnet är registrerat.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "1 barn i Sverige" })).ToHaveCountAsync(1);
        Assert.Equal([("reflection", 1, 30, 10 * 1200m + 20 * 1700m)], CaseDriver.Periods(await driver.CaseAsync(id)));

        // From day 21 the municipality pays the housing: 10 days at 600 kr plus the child's 500 kr.
        await terms.GetByLabel("Boende och mat").CheckAsync();
        await terms.GetByLabel("Från och med", new() { Exact = true }).FillAsync(placement.AddDays(20).ToString("yyyy-MM-dd"));
        await terms.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Det är registrerat vad det allmänna betalar.");
        Assert.Equal([("reflection", 1, 30, 10 * 1200m + 10 * 1700m + 10 * 1100m)], CaseDriver.Periods(await driver.CaseAsync(id)));

        // The motivated supplement is asked for on its own; without a reason the field is named.
        var supplement = page.GetByRole(AriaRole.Region, new() { Name = "Ansök om motiverat dygnstillägg" });
        await supplement.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan om dygnstillägg" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Motivering av dygnstillägget måste anges.");
        await supplement.GetByLabel("Motivering av dygnstillägget").FillAsync("Nattbemanning behövs de första veckorna.");
        await supplement.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan om dygnstillägg" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ansökan om motiverat dygnstillägg är skickad till samordnaren.");
        await Assertions.Expect(page.GetByText("väntar på beslut")).ToHaveCountAsync(1);
        await driver.OpenTaskAsync(id, "motivated-supplement-review");

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The case page must fit a phone's screen without sideways scrolling.");
        await PageChecks.AssertAccessibleAsync(page, "the case page after the child and the public's part");
        await PageChecks.ScreenshotAsync(page, "case-daily-terms");
        await page.Context.CloseAsync();
    }
}

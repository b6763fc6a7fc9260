using Microsoft.Playwright;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Reports;

/// <summary>
/// The reader on a phone (390 px): opens the report from the menu, switches to the year with the cases, reads the
/// interventions' table beside its chart, downloads the Excel file and finds the same figures in its cells; axe finds
/// nothing and the page never scrolls sideways. Then the period report, as the coordinator prints it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_reader_opens_the_report_on_a_phone_switches_year_and_downloads_the_Excel_file()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        await driver.ApplyAndAdmitAsync(driver.Today);
        await driver.ApplyAndAdmitAsync(driver.Today);

        var page = await browser.SignedInPageAsync(app, 390, "Lena Läsare");
        await page.GotoAsync("/reports?year=2025");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Årsrapport 2025");
        await PageChecks.AssertAccessibleAsync(page, "the annual report of a year without cases");
        await AssertFitsAsync(page, "the annual report");

        await page.GetByLabel("År", new() { Exact = true }).FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Årsrapport 2026");
        // Two reflections of 2–31 March at 1 200 kr a day.
        var reflection = page.GetByRole(AriaRole.Table, new() { Name = "Insatser efter typ, antal och summa, 2026-01-01 – 2026-12-31" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = "30 dagars reflektion" });
        await Assertions.Expect(reflection).ToContainTextAsync("72\u00a0000 kr");
        // Two persons: under three, so "<3"; the chart beside each table is hidden from screen readers.
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Personer med stöd under perioden" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = "Vuxna" })).ToContainTextAsync("<3");
        Assert.Equal(2, await page.Locator("svg.chart[aria-hidden=true]").CountAsync());
        await PageChecks.AssertAccessibleAsync(page, "the annual report");
        await AssertFitsAsync(page, "the annual report with cases");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner Excel" }).ClickAsync());
        Assert.Equal("arsrapport-2026.xlsx", download.SuggestedFilename);
        var sheet = ReportPages.Sheet(await File.ReadAllBytesAsync((await download.PathAsync())!), "Insatser");
        Assert.Equal(["Insats", "Antal", "Summa (kr)"], sheet[0]);
        Assert.Equal(["30 dagars reflektion", 2d, 72_000d], sheet[1]);
        Assert.Equal(["Totalt", 2d, 72_000d], sheet[^1]);
        var persons = ReportPages.Sheet(await File.ReadAllBytesAsync((await download.PathAsync())!), "Personer");
        Assert.Equal(["Vuxna", "<3"], persons[1]);

        // The period report: a range, printable (the print style hides the menu and the forms).
        await page.GotoAsync("/reports/period?from=2026-03-01&to=2026-03-31");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Periodrapport");
        await PageChecks.AssertAccessibleAsync(page, "the period report");
        await AssertFitsAsync(page, "the period report");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("form.filters").IsVisibleAsync());
        Assert.False(await page.Locator("header.site").IsVisibleAsync());
        await Assertions.Expect(page.GetByText("Period: 2026-03-01 – 2026-03-31")).ToBeVisibleAsync();
    }

    private static async Task AssertFitsAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            $"{what} must fit a phone's screen without sideways scrolling.");
}

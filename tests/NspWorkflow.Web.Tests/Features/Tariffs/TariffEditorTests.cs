using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NspWorkflow.Data;
using NspWorkflow.Web.Features.Tariffs;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Tariffs;

/// <summary>
/// The tariff editor (/admin/tariffs) in Chromium: a new tariff from a later day prices the days from that day of the
/// periods approved afterwards, never the days already approved; a day before today is saved only as a confirmed
/// correction, which is audited; a value the tariff file would refuse is named at its field. Every sum is by hand.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TariffEditorTests(BrowserFixture browser)
{
    private const string Admin = "Anders Administratör";

    [Fact]
    public async Task A_tariff_from_a_later_day_prices_the_days_from_that_day_of_cases_approved_afterwards_only()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var today = driver.Today;
        var (before, _) = await driver.ApplyAndAdmitAsync(today);

        var page = await browser.SignedInPageAsync(app, 1280, Admin, 900);
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Taxor" }).ClickAsync();
        var housing = page.GetByLabel("Boende och mat per dag (kr)", new() { Exact = true });
        await Assertions.Expect(housing).ToHaveValueAsync("600");
        await page.GetByLabel("Gäller från", new() { Exact = true }).FillAsync(Day(today.AddDays(10)));
        await housing.FillAsync("700");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara taxan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Taxan är sparad som revision 2.");
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Historik" });
        await Assertions.Expect(history.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(Admin);
        await Assertions.Expect(history.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(Day(today.AddDays(10)));
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Taxor som gäller" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        var export = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exportera taxorna som fil" }).ClickAsync());
        Assert.Contains("\"housingAndFoodPerDay\": 700", await File.ReadAllTextAsync(await export.PathAsync()));
        await PageChecks.AssertAccessibleAsync(page, "the tariff editor");
        await PageChecks.ScreenshotAsync(page, "tariffs");
        await page.Context.CloseAsync();

        // Approved before the change: 30 days at 600 + 600. Approved after: 10 days at 600 + 600, then 20 days at 700 + 600.
        var (after, _) = await driver.ApplyAndAdmitAsync(today);
        Assert.Equal(30 * 1200m, (await driver.CaseAsync(before)).GetProperty("totalAmount").GetDecimal());
        Assert.Equal(10 * 1200m + 20 * 1300m, (await driver.CaseAsync(after)).GetProperty("totalAmount").GetDecimal());
    }

    [Fact]
    public async Task A_day_before_today_needs_a_confirmed_correction_and_a_value_the_file_would_refuse_is_named_at_its_field()
    {
        await using var app = await NspApp.StartAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var page = await browser.SignedInPageAsync(app, 390, Admin);
        await page.GotoAsync("/admin/tariffs");
        var from = page.GetByLabel("Gäller från", new() { Exact = true });
        var days = page.GetByRole(AriaRole.Group, new() { Name = "Reflektionsperiod (30 dagar)" }).GetByLabel("Högst antal dagar", new() { Exact = true });
        await from.FillAsync(Day(today.AddDays(-5)));
        await days.FillAsync("trettio");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara taxan" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Taxan sparades inte");
        await Assertions.Expect(summary).ToContainTextAsync("Högst antal dagar");
        await Assertions.Expect(days).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.AssertAccessibleAsync(page, "the tariff editor with errors");

        // With the number corrected the date is what is left: before today, not confirmed.
        await days.FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara taxan" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync($"Gäller från är före i dag ({Day(today)})");
        await Assertions.Expect(from).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.ScreenshotAsync(page, "tariffs-refused");

        await page.GetByLabel("Det här är en rättelse").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara taxan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Taxan är sparad som revision 2.");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Historik" }).GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("rättelse");
        await page.Context.CloseAsync();

        using var scope = app.Services.CreateScope();
        var audited = await scope.ServiceProvider.GetRequiredService<NspDbContext>().AuditEntries
            .SingleAsync(a => a.Action == TariffEdits.CorrectedAction);
        Assert.Equal((Admin, $"revision 2, from {Day(today.AddDays(-5))}"), (audited.Actor, audited.Detail));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

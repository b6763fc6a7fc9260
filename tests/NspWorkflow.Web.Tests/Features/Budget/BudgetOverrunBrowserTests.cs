using Microsoft.Playwright;
using NspWorkflow.Web.Features.Budget;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace NspWorkflow.Web.Tests.Features.Budget;

/// <summary>On the decision page: approving beyond the budget is refused with the sums named, and approved once confirmed.</summary>
[Collection(AppCollection.Name)]
public sealed class BudgetOverrunBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_coordinator_is_told_the_budget_does_not_cover_the_reflection_and_approves_it_by_confirming()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        using (var scope = app.Services.CreateScope())
        {
            var edits = scope.ServiceProvider.GetRequiredService<BudgetEdits>();
            var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new("name", "Anders Administratör")], "test"));
            Assert.Empty(await edits.SaveGrantAsync(new("Jämställdhetsmyndigheten", 2026, 50_000m, 20_000m), admin, CancellationToken.None));
            Assert.Empty(await edits.SaveRuleAsync("2026-01", "Jämställdhetsmyndigheten", admin, CancellationToken.None));
        }
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));

        var page = await browser.SignedInPageAsync(app, 1280, "Karin Samordnare", 900);
        await page.GotoAsync("/inbox");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference }).GetByRole(AriaRole.Link, new() { Name = "Granska ansökan" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Godkänn" }).ClickAsync();

        // 30 days at 1 200 kr = 36 000 kr of Jämställdhetsmyndigheten's 20 000 kr left.
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Jämställdhetsmyndigheten");
        await Assertions.Expect(summary).ToContainTextAsync("36\u00a0000 kr");
        await Assertions.Expect(summary).ToContainTextAsync("20\u00a0000 kr");
        await PageChecks.AssertAccessibleAsync(page, "a decision refused for the budget");
        await page.GetByLabel("Godkänn även om beslutet överskrider det som finns kvar i budgeten").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Godkänn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uppgiften är slutförd.");
        Assert.Equal("active", (await driver.CaseAsync(id)).GetProperty("status").GetString());
        await page.Context.CloseAsync();
    }
}

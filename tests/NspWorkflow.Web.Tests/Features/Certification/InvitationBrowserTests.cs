using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Certification;

/// <summary>
/// An invitation in the browser: the coordinator at a desk invites a shelter not in the register (after being told of the
/// address that is no address); the shelter opens the mailed link on a phone, without signing in, and answers the
/// questionnaire; the coordinator reads the answers and admits it to the register, landing on its certification at the review.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InvitationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_shelter_not_in_the_register_answers_its_invitation_on_a_phone_and_is_admitted()
    {
        await using var app = await NspApp.StartAsync();
        var coordinator = await browser.SignedInPageAsync(app, 1280, "Karin Samordnare", 900);
        await coordinator.GotoAsync("/certification");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Bjud in ett boende som inte finns i registret" }).ClickAsync();
        await coordinator.GetByLabel("Boendets namn").FillAsync("Boendet Väst");
        await coordinator.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "Väst" });
        await coordinator.GetByLabel("Boendets e-postadress").FillAsync("kontakt@vastboende");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan" }).ClickAsync();
        var wrong = coordinator.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Boendets e-postadress är inte en giltig e-postadress." });
        await wrong.ClickAsync();
        await Assertions.Expect(coordinator.GetByLabel("Boendets e-postadress")).ToBeFocusedAsync();
        await Assertions.Expect(coordinator.GetByLabel("Boendets namn")).ToHaveValueAsync("Boendet Väst");
        await PageChecks.AssertAccessibleAsync(coordinator, "the invitation form with an error");
        await coordinator.GetByLabel("Boendets e-postadress").FillAsync("kontakt@vastboende.example");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            "Inbjudan till Boendet Väst har skickats till kontakt@vastboende.example. Länken gäller till och med 2026-03-31.");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "Boendet Väst" })).ToContainTextAsync("Väntar på svar");

        // The shelter on a phone, from the mail's link, signed in nowhere.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.AbsoluteUri, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "sv-SE",
        });
        var shelter = await context.NewPageAsync();
        await shelter.GotoAsync(await LinkAsync(app));
        await Assertions.Expect(shelter.GetByRole(AriaRole.Heading, new() { Name = "Frågeformulär för certifiering", Level = 1 })).ToBeVisibleAsync();
        await shelter.GetByLabel("Verksamhetsprofil").FillAsync("Skyddat boende för kvinnor i västra Sverige.");
        await shelter.GetByLabel("Kvinnor").CheckAsync();
        await shelter.GetByLabel("Antal platser").FillAsync("4");
        foreach (var requirement in DefaultRequirements.All)
            await shelter.GetByRole(AriaRole.Group, new() { Name = requirement.Text, Exact = true }).GetByLabel("Uppfyllt", new() { Exact = true }).CheckAsync();
        await PageChecks.AssertAccessibleAsync(shelter, "the invitation's questionnaire on a phone");
        Assert.True(await shelter.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The questionnaire must fit a phone.");
        await shelter.GetByRole(AriaRole.Button, new() { Name = "Skicka svaren" }).ClickAsync();
        await Assertions.Expect(shelter.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tack! Svaren har kommit in. Samordnaren granskar dem och hör av sig.");
        await PageChecks.AssertAccessibleAsync(shelter, "the invitation answered on a phone");
        await context.CloseAsync();

        // The coordinator reads the answers and admits the shelter: its certification waits at the review.
        await coordinator.ReloadAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Boendet Väst" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#invitation-stage")).ToHaveTextAsync("Besvarad, att granska");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Table, new() { Name = "Svar på minimikraven" })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(coordinator, "an answered invitation");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ta in boendet i registret" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#certification-stage")).ToHaveTextAsync("Granskas");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Link, new() { Name = "Granska certifieringens frågeformulär" })).ToBeVisibleAsync();
        await coordinator.GotoAsync("/shelters");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "Boendet Väst" })).ToContainTextAsync("Ej certifierad");
        await coordinator.Context.CloseAsync();
    }

    private static async Task<string> LinkAsync(NspApp app)
    {
        await using var db = app.CreateDbContext();
        var mail = await db.OutboxMails.AsNoTracking().Where(m => m.Kind == InvitationMail.Kind).SingleAsync();
        return Regex.Match(mail.TextBody, @"/certification/invitation/[A-Za-z0-9_-]{43}").Value;
    }
}

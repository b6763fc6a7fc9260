using System.Text;
using Microsoft.Playwright;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Features.Certification.Pages;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Certification;

/// <summary>
/// A certification in the browser: the coordinator starts Demoboende Nord's; the shelter worker on a phone answers the
/// questionnaire with the keyboard (one requirement not met, with a comment) after being told of the one left unanswered;
/// the coordinator accepts it, records the visit with an action, the shelter reports the action done with a file, the
/// coordinator accepts it and certifies the shelter: a year from the test clock's 2 March 2026, so to 1 March 2027.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CertificationBrowserTests(BrowserFixture browser)
{
    private const string Protection = "skydd";
    private const string Children = "barn";
    private const string ActionText = "Skriftlig rutin för hotbedömning";

    [Fact]
    public async Task A_shelter_answers_the_questionnaire_on_a_phone_has_its_visit_and_action_plan_and_is_certified()
    {
        await using var app = await NspApp.StartAsync();

        var coordinator = await browser.SignedInPageAsync(app, 1280, "Karin Samordnare", 900);
        await coordinator.GotoAsync("/certification");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Starta certifiering Demoboende Nord" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Certifieringen är startad.");
        var certification = new Uri(coordinator.Url).AbsolutePath;

        // The shelter on a phone: the questionnaire from its tasks.
        var shelter = await browser.SignedInPageAsync(app, 390, "Sofia på Demoboende Nord");
        await shelter.GotoAsync("/tasks");
        await shelter.GetByRole(AriaRole.Link, new() { Name = "Fyll i certifieringens frågeformulär" }).ClickAsync();
        await shelter.GetByLabel("Verksamhetsprofil").FillAsync("Skyddat boende för kvinnor och deras barn i norra Sverige, med stöd dygnet runt.");
        await PageChecks.AssertAccessibleAsync(shelter, "the certification questionnaire on a phone");
        await AssertFitsAsync(shelter, "The questionnaire");

        // The protection requirement by keyboard alone: a space picks "Uppfyllt", an arrow moves to "Inte uppfyllt", a tab to its comment.
        var protection = Requirement(shelter, Protection);
        await protection.GetByLabel("Uppfyllt", new() { Exact = true }).FocusAsync();
        await shelter.Keyboard.PressAsync("Space");
        await shelter.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(protection.GetByLabel("Inte uppfyllt")).ToBeCheckedAsync();
        await shelter.Keyboard.PressAsync("Tab");
        await Assertions.Expect(protection.GetByLabel("Kommentar")).ToBeFocusedAsync();
        await shelter.Keyboard.TypeAsync("Rutinen för hotbedömning skrivs under våren.");
        foreach (var requirement in DefaultRequirements.All.Where(r => r.Key is not Protection and not Children))
            await Requirement(shelter, requirement.Key).GetByLabel("Uppfyllt", new() { Exact = true }).CheckAsync();

        // The children's requirement left unanswered: the summary says so and leads to it.
        await shelter.GetByRole(AriaRole.Button, new() { Name = "Skicka in", Exact = true }).ClickAsync();
        var summary = shelter.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Uppgiften slutfördes inte" });
        var unanswered = summary.GetByRole(AriaRole.Link);
        await Assertions.Expect(unanswered).ToHaveCountAsync(1);
        await Assertions.Expect(unanswered).ToHaveTextAsync($"Svaret på kravet ”{TextOf(Children).TrimEnd('.')}” måste anges.");
        await unanswered.ClickAsync();
        await Assertions.Expect(Requirement(shelter, Children).GetByLabel("Uppfyllt", new() { Exact = true })).ToBeFocusedAsync();
        await Assertions.Expect(Requirement(shelter, Children).GetByLabel("Uppfyllt", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.AssertAccessibleAsync(shelter, "the questionnaire with an unanswered requirement on a phone");
        // What was given is kept.
        await Assertions.Expect(Requirement(shelter, Protection).GetByLabel("Kommentar")).ToHaveValueAsync("Rutinen för hotbedömning skrivs under våren.");
        await shelter.Keyboard.PressAsync("Space");
        await shelter.GetByRole(AriaRole.Button, new() { Name = "Skicka in", Exact = true }).ClickAsync();
        await Assertions.Expect(shelter.GetByRole(AriaRole.Status).Filter(new() { HasText = "Uppgiften är slutförd." })).ToBeVisibleAsync();

        // The coordinator accepts the questionnaire from the inbox and records the visit with an action plan.
        await OpenFromInboxAsync(coordinator, "Granska certifieringens frågeformulär");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Table, new() { Name = "Svar på minimikraven" })).ToContainTextAsync("Rutinen för hotbedömning skrivs under våren.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkänn frågeformuläret" }).ClickAsync();
        // Opened from the inbox, a decision leads to the inbox's next task: here the visit the acceptance gave.
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status).Filter(new() { HasText = "Beslutet är sparat. Här är nästa i inkorgen." })).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Registrera certifieringsbesöket", Level = 1 })).ToBeVisibleAsync();
        await coordinator.GetByLabel("Besöksdag").FillAsync("2026-03-02");
        foreach (var requirement in DefaultRequirements.All.Where(r => r.Key != Protection))
            await Requirement(coordinator, requirement.Key).GetByLabel("Uppfyllt", new() { Exact = true }).CheckAsync();
        var lacking = Requirement(coordinator, Protection);
        await lacking.GetByLabel("Inte uppfyllt").CheckAsync();
        await lacking.GetByLabel("Anteckning").FillAsync("Rutinen finns inte skriftligt.");
        await lacking.GetByLabel("Åtgärd om kravet inte är uppfyllt").FillAsync(ActionText);
        await lacking.GetByLabel("Senast").FillAsync("2026-04-30");
        await PageChecks.AssertAccessibleAsync(coordinator, "the certification visit");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Spara med åtgärdsplan" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status).Filter(new() { HasText = "Beslutet är sparat." })).ToBeVisibleAsync();

        // The shelter reports the action done, with its routine as a file.
        await shelter.GotoAsync(certification);
        var report = shelter.GetByRole(AriaRole.Form, new() { Name = $"Rapportera åtgärden klar: {ActionText}" });
        await report.GetByLabel("Kommentar").FillAsync("Rutinen är antagen av styrelsen.");
        await report.GetByLabel("Fil (valfri)").SetInputFilesAsync(new FilePayload
        {
            Name = "rutin.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n% rutin\n%%EOF\n"),
        });
        await report.GetByRole(AriaRole.Button, new() { Name = "Rapportera som klar" }).ClickAsync();
        var plan = shelter.GetByRole(AriaRole.Table, new() { Name = "Åtgärdsplan" });
        await Assertions.Expect(plan).ToContainTextAsync("Rapporterad, väntar på granskning");
        await Assertions.Expect(plan).ToContainTextAsync("Rutinen är antagen av styrelsen.");
        await PageChecks.AssertAccessibleAsync(shelter, "the certification with a reported action on a phone");
        await AssertFitsAsync(shelter, "The certification page");

        // The coordinator accepts it on the certification page, then certifies from the task.
        await coordinator.GotoAsync(certification);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkänn åtgärden" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Table, new() { Name = "Åtgärdsplan" })).ToContainTextAsync("Godkänd");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Certifiera boendet" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Certifiera", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status).Filter(new() { HasText = "Uppgiften är slutförd." })).ToBeVisibleAsync();

        await coordinator.GotoAsync(certification);
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Certifiering", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Locator("#certification-stage")).ToHaveTextAsync("Certifierad");
        await Assertions.Expect(coordinator.Locator("#certification-valid-until")).ToHaveTextAsync("2027-03-01");
        await PageChecks.AssertAccessibleAsync(coordinator, "the granted certification");
        await PageChecks.ScreenshotAsync(coordinator, "certification-granted");

        await shelter.ReloadAsync();
        await Assertions.Expect(shelter.Locator("#certification-stage")).ToHaveTextAsync("Certifierad");
        await AssertFitsAsync(shelter, "The granted certification");
        await PageChecks.ScreenshotAsync(shelter, "certification-granted");
        await shelter.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administrator_edits_next_years_requirements_on_a_phone_and_is_led_to_a_duplicate_key()
    {
        await using var app = await NspApp.StartAsync();
        var admin = await browser.SignedInPageAsync(app, 390, "Anders Administratör");
        await admin.GotoAsync("/certification");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Redigera minimikraven" }).ClickAsync();
        await admin.GetByRole(AriaRole.Spinbutton, new() { Name = "År", Exact = true }).FillAsync("2027");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Minimikrav 2027", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText("2027 har ingen egen lista än och utgår från programmets startlista.", new() { Exact = false })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(admin, "the requirements on a phone");
        await AssertFitsAsync(admin, "The requirements page");

        // A new requirement in the first empty row, with the key of an existing one; the first requirement removed.
        var added = DefaultRequirements.All.Count + 1;
        var row = admin.GetByRole(AriaRole.Group, new() { Name = $"Rad {added}", Exact = true });
        await row.GetByLabel("Nyckel", new() { Exact = true }).FillAsync("skydd");
        await row.GetByLabel("Krav", new() { Exact = true }).FillAsync("Boendet har en skriftlig rutin för hotbedömning.");
        await admin.GetByLabel("Ta bort rad 2").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Spara listan för 2027" }).ClickAsync();
        var summary = admin.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Listan sparades inte" });
        await summary.GetByRole(AriaRole.Link, new() { Name = $"Nyckeln på rad {added} finns redan." }).ClickAsync();
        await Assertions.Expect(row.GetByLabel("Nyckel", new() { Exact = true })).ToBeFocusedAsync();
        await Assertions.Expect(row.GetByLabel("Nyckel", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.AssertAccessibleAsync(admin, "the requirements with an error on a phone");

        await admin.Keyboard.PressAsync("Control+A");
        await admin.Keyboard.TypeAsync("hotbedomning");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Spara listan för 2027" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Listan är sparad.");
        await Assertions.Expect(admin.GetByLabel("Nyckel", new() { Exact = true }).Nth(added - 2)).ToHaveValueAsync("hotbedomning");
        Assert.Equal(added - 1 + RequirementsModel.EmptyRows, await admin.GetByLabel("Nyckel", new() { Exact = true }).CountAsync());
        await PageChecks.ScreenshotAsync(admin, "certification-requirements");
        await admin.Context.CloseAsync();
    }

    /// <summary>A requirement's group of the questionnaire or the visit, by its legend: the requirement's text.</summary>
    private static ILocator Requirement(IPage page, string key) =>
        page.GetByRole(AriaRole.Group, new() { Name = TextOf(key), Exact = true });

    private static string TextOf(string key) => DefaultRequirements.All.Single(r => r.Key == key).Text;

    private static async Task OpenFromInboxAsync(IPage page, string task)
    {
        await page.GotoAsync("/inbox");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Demoboende Nord 2026" }).GetByRole(AriaRole.Link, new() { Name = task }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = task, Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task AssertFitsAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{what} must fit a phone's screen without sideways scrolling.");
}

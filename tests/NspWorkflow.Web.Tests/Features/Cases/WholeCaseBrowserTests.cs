using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// A whole case played in the pages only, the development clock moved for nothing but time: the shelter worker files an
/// admission application and corrects the one error named; the coordinator asks for completion with a comment from the
/// inbox; the shelter completes it; the coordinator filters the inbox by shelter and approves; the decision mail's link
/// opens the case, where the shelter records a police report without MMM; before the reflection ends the shelter asks for
/// extended support with its comprehensive needs assessment, and the coordinator approves it; a point intervention with
/// its receipt is applied for, its receipt viewed and approved; the reader and the other shelter are refused the case.
/// The shelter works on a phone and the coordinator at a desk; every page passes axe, and is photographed at both widths
/// (390 and 1280 px), so each page is seen at both sizes in one play of the case.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WholeCaseBrowserTests(BrowserFixture browser)
{
    private const string Comment = "Ange födelseåret enligt intyget";

    [Fact]
    public async Task A_case_is_played_from_the_application_to_a_point_intervention_in_the_pages()
    {
        const int shelterWidth = 390, coordinatorWidth = 1280;
        await using var app = await NspApp.StartAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var shelter = await browser.SignedInPageAsync(app, shelterWidth, "Sofia på Demoboende Nord");
        var coordinator = await browser.SignedInPageAsync(app, coordinatorWidth, "Karin Samordnare");
        // Only to move time: the development clock, as a tester moves it.
        var clock = await CaseDriver.StartAsync(app);
        async Task Check(IPage page, string what, string name)
        {
            // axe and a photograph at the size the person uses: the shelter's phone, the coordinator's desk. (Both sizes
            // for every page doubled the photographs for a suite whose time CI has to keep under its limit.)
            await PageChecks.AssertAccessibleAsync(page, what);
            await PageChecks.ScreenshotAsync(page, $"whole-case-{name}");
        }

        // The application, with the one criterion left unticked named and then corrected.
        await shelter.GotoAsync("/cases/new");
        await shelter.GetByLabel("Placeringsdatum").FillAsync(today.ToString("yyyy-MM-dd"));
        await shelter.Locator("#Form_BirthYear").FillAsync("1995");
        await shelter.GetByLabel("Kön").SelectOptionAsync(new SelectOptionValue { Label = "Kvinna" });
        await shelter.GetByLabel("Ursprungsland").FillAsync("Rumänien");
        await shelter.GetByLabel("Sexuella ändamål").CheckAsync();
        await shelter.GetByLabel("Personen är sannolikt utsatt för människohandel").CheckAsync();
        await shelter.GetByLabel("Boendet kan tillgodose personens behov").CheckAsync();
        var housing = shelter.GetByRole(AriaRole.Group, new() { Name = "Boende", Exact = true });
        await housing.GetByLabel("Behov finns").CheckAsync();
        await housing.GetByLabel("Planerat stöd").FillAsync("Skyddat boende");
        await shelter.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan" }).ClickAsync();
        await Check(shelter, "the application with its error", "application-error");
        await shelter.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).First.ClickAsync();
        await shelter.Keyboard.PressAsync("Space");
        await shelter.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan" }).ClickAsync();
        await shelter.WaitForURLAsync(new Regex("/cases/[0-9a-f-]{36}$"));
        var caseUrl = new Uri(shelter.Url).AbsolutePath;
        var reference = Regex.Match(await shelter.Locator("h1").InnerTextAsync(), "NSP-[0-9-]+").Value;
        await Check(shelter, "the new case", "case-applied");

        // The coordinator asks for completion, from the inbox.
        await coordinator.GotoAsync("/inbox");
        await Check(coordinator, "the inbox", "inbox");
        await OpenFromInboxAsync(coordinator, reference, "Granska ansökan");
        await Check(coordinator, "the admission review", "admission-review");
        await coordinator.GetByLabel("Motivering", new() { Exact = true }).FillAsync(Comment);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Begär komplettering" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppgiften är slutförd.");

        // The shelter sees the comment, corrects the birth year and sends it back.
        await shelter.GotoAsync("/tasks");
        await shelter.GetByRole(AriaRole.Link, new() { Name = "Komplettera ansökan" }).ClickAsync();
        await Assertions.Expect(shelter.GetByText(Comment).First).ToBeVisibleAsync();
        await shelter.Locator("#Input_Form_BirthYear").FillAsync("1994");
        await Check(shelter, "the completion task", "completion");
        await shelter.GetByRole(AriaRole.Button, new() { Name = "Skicka in" }).ClickAsync();
        await Assertions.Expect(shelter.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppgiften är slutförd.");

        // The coordinator filters the inbox by the shelter, sees what changed and approves.
        await coordinator.GotoAsync("/inbox");
        await coordinator.GetByLabel("Boende", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Demoboende Nord" });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await coordinator.WaitForURLAsync(new Regex("shelter=5e1e7e00-0000-4000-8000-000000000001"));
        await OpenFromInboxAsync(coordinator, reference, "Granska ansökan");
        await Assertions.Expect(coordinator.Locator("dt:has-text(\"Ändrat vid kompletteringen\") + dd")).ToContainTextAsync("Födelseår");
        await Assertions.Expect(coordinator.Locator("dt:has-text(\"Boende\") + dd").First).ToHaveTextAsync("Demoboende Nord");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkänn" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppgiften är slutförd.");

        // The decision mail carries the case's link: the shelter opens it and records a police report without MMM.
        var link = await DecisionLinkAsync(app, reference, "godkänd");
        await shelter.GotoAsync(link);
        Assert.Equal(caseUrl, new Uri(shelter.Url).AbsolutePath);
        var police = shelter.GetByRole(AriaRole.Region, new() { Name = "Polisanmälan" });
        await police.GetByLabel("Datum för polisanmälan").FillAsync(today.AddDays(3).ToString("yyyy-MM-dd"));
        await police.GetByLabel("Nej").CheckAsync();
        await clock.AdvanceDaysAsync(3);
        await police.GetByRole(AriaRole.Button, new() { Name = "Registrera polisanmälan" }).ClickAsync();
        await Assertions.Expect(shelter.GetByRole(AriaRole.Status)).ToHaveTextAsync("Polisanmälan är registrerad.");
        await Check(shelter, "the case after the police report", "case-police-report");

        // Days before the reflection ends the shelter asks for extended support with its comprehensive needs assessment.
        await clock.AdvanceDaysAsync(22);
        await shelter.GotoAsync("/tasks");
        await shelter.GetByRole(AriaRole.Link, new() { Name = "Välj nästa steg" }).ClickAsync();
        var needs = shelter.Locator("input[id$='_Need-yes']");
        for (var i = 0; i < await needs.CountAsync(); i++)
            await needs.Nth(i).CheckAsync();
        var planned = shelter.Locator("input[id$='_PlannedSupport']");
        for (var i = 0; i < await planned.CountAsync(); i++)
            await planned.Nth(i).FillAsync("Stöd hos boendet");
        await Check(shelter, "the next step", "next-step");
        await shelter.GetByRole(AriaRole.Button, new() { Name = "Fördjupat stöd" }).ClickAsync();
        await Assertions.Expect(shelter.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppgiften är slutförd.");

        await coordinator.GotoAsync("/inbox/periods");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToContainTextAsync("Ja, väntar på beslut");
        await Check(coordinator, "the periods ending soon", "ending-periods");
        await coordinator.GotoAsync("/inbox");
        await OpenFromInboxAsync(coordinator, reference, "Granska ansökan om fördjupat stöd");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Perioden som ansökan gäller" })).ToBeVisibleAsync();
        // The earlier decisions are on the page, each with who took it: here the admission's approval.
        var history = coordinator.GetByRole(AriaRole.Region, new() { Name = "Händelser och kommentarer" });
        await Assertions.Expect(history.Locator("li").Filter(new() { HasText = "Granska ansökan: godkänd" })).ToContainTextAsync("Karin Samordnare");
        await Check(coordinator, "the extended review", "extended-review");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkänn" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppgiften är slutförd.");

        // A point intervention with its receipt: applied for, the receipt opened, approved at the desk.
        await shelter.GotoAsync(caseUrl);
        var point = shelter.GetByRole(AriaRole.Region, new() { Name = "Ansök om punktinsats" });
        await point.GetByLabel("Kategori").SelectOptionAsync(new SelectOptionValue { Label = "Kläder" });
        await point.GetByLabel("Belopp (kr)").FillAsync("800");
        await point.GetByLabel("Beskrivning").FillAsync("Vinterkläder");
        await point.GetByLabel("Kvitto").SetInputFilesAsync(new FilePayload { Name = "kvitto.png", MimeType = "image/png", Buffer = CaseActionsBrowserTests.Png });
        await point.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan om punktinsats" }).ClickAsync();
        await Assertions.Expect(shelter.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ansökan om punktinsats är skickad till samordnaren.");

        await coordinator.GotoAsync("/inbox");
        await OpenFromInboxAsync(coordinator, reference, "Granska punktinsats");
        var row = coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "Vinterkläder" });
        await Assertions.Expect(row).ToContainTextAsync("800 kr");
        await Assertions.Expect(row.Locator("mark")).ToHaveTextAsync("Väntar på beslut");
        var receipt = await coordinator.Context.APIRequest.GetAsync(await row.GetByRole(AriaRole.Link, new() { Name = "Visa kvitto" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, receipt.Status);
        Assert.Equal(CaseActionsBrowserTests.Png, await receipt.BodyAsync());
        await Check(coordinator, "the point intervention review", "point-intervention-review");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkänn" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppgiften är slutförd.");

        await shelter.GotoAsync(caseUrl);
        await Assertions.Expect(shelter.GetByRole(AriaRole.Row).Filter(new() { HasText = "Vinterkläder" })).ToContainTextAsync("Godkänd");
        await Assertions.Expect(shelter.GetByRole(AriaRole.Row).Filter(new() { HasText = "Fördjupat stöd" })).ToContainTextAsync("90");
        await Check(shelter, "the case with its periods and the point intervention", "case-extended");

        // The reader sees counts, never a case; the other shelter's user is refused the first shelter's link.
        var reader = await browser.SignedInPageAsync(app, shelterWidth, "Lena Läsare");
        Assert.Equal(404, (await reader.GotoAsync(caseUrl))!.Status);
        var otherShelter = await browser.SignedInPageAsync(app, shelterWidth, "Samir på Demoboende Syd");
        Assert.Equal(404, (await otherShelter.GotoAsync(link))!.Status);
        await Assertions.Expect(otherShelter.GetByText("1994")).ToHaveCountAsync(0);

        foreach (var page in new[] { shelter, coordinator, reader, otherShelter })
            await page.Context.CloseAsync();
    }

    /// <summary>The item of the case in the inbox as it is now, opened by its kind's link.</summary>
    private static async Task OpenFromInboxAsync(IPage coordinator, string reference, string kind)
    {
        await coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })
            .GetByRole(AriaRole.Link, new() { Name = kind, Exact = true }).ClickAsync();
        await coordinator.WaitForURLAsync(new Regex("/tasks/[0-9a-f-]{36}"));
    }

    /// <summary>The link of the decision mail the shelter got about the case; its text names the decision, never a reason.</summary>
    private static async Task<string> DecisionLinkAsync(NspApp app, string reference, string decision)
    {
        await using var db = app.CreateDbContext();
        var mails = await db.OutboxMails.AsNoTracking().Where(m => m.Kind == "decision").ToListAsync();
        var mail = Assert.Single(mails, m => m.TextBody.Contains(reference, StringComparison.Ordinal) && m.TextBody.Contains(decision, StringComparison.Ordinal));
        Assert.DoesNotContain(Comment, mail.TextBody);
        return Regex.Match(mail.TextBody, "https?://\\S+").Value;
    }

}

using System.Text.Json;
using Microsoft.Playwright;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Workflows;

/// <summary>
/// The designer's properties panel in Chromium: the administrator changes a reminder's lead time as a number, publishes,
/// and only cases started afterwards follow it; a server problem opens the field that edits it. An app of its own: the
/// reflection pathway is published anew and the clock moves.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DesignerPropertiesTests(BrowserFixture browser)
{
    private const string Admin = "Anders Administratör";

    [Fact]
    public async Task The_first_reminder_changed_from_7_to_10_days_in_the_panel_reaches_cases_started_afterwards_only()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var placement = driver.Today;
        var (_, before) = await driver.ApplyAndAdmitAsync(placement);

        var page = await browser.SignedInPageAsync(app, 1280, Admin, 900);
        await page.GotoAsync("/designer/nsp-reflection");
        await page.Locator(".djs-element[data-element-id=\"Event_Reminder7\"]").ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Egenskaper för det markerade elementet" });
        await panel.GetByText("NSP Workflow", new() { Exact = true }).ClickAsync();
        var days = panel.GetByLabel("Dagar före", new() { Exact = true });
        await Assertions.Expect(days).ToHaveValueAsync("7");
        await Assertions.Expect(panel.GetByLabel("Före datumet i variabeln")).ToHaveValueAsync("periodLastDayMorning");
        await days.FillAsync("10");
        await panel.GetByText("Allmänt", new() { Exact = true }).ClickAsync();
        var name = panel.GetByLabel("Namn", new() { Exact = true });
        await name.FillAsync("Påminnelse 10 dagar före periodens slut");
        await name.PressAsync("Tab");
        await PageChecks.ScreenshotAsync(page, "designer-properties-reminder");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("är publicerad");
        var published = await page.EvaluateAsync<string>("async () => (await window.nspDesigner.modeler.saveXML()).xml");
        Assert.Contains("nsp:daysBefore=\"10\" nsp:before=\"periodLastDayMorning\"", published);
        await PageChecks.AssertAccessibleAsync(page, "the designer with the properties panel");

        // The versions: who published the new one, the running case still on the old one, each file downloadable.
        await page.GotoAsync("/designer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Versioner av Reflektionsperiod" }).ClickAsync();
        var versions = page.GetByRole(AriaRole.Table, new() { Name = "Versioner av Reflektionsperiod" });
        var newest = versions.GetByRole(AriaRole.Row).Nth(1);
        await Assertions.Expect(newest).ToContainTextAsync("2");
        await Assertions.Expect(newest.GetByRole(AriaRole.Cell).Nth(2)).ToContainTextAsync(Admin);
        await Assertions.Expect(newest.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("0");
        await Assertions.Expect(versions.GetByRole(AriaRole.Row).Nth(2).GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("1");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            versions.GetByRole(AriaRole.Link, new() { Name = "Ladda ner .bpmn (Version 2)" }).ClickAsync());
        Assert.Equal("nsp-reflection-v2.bpmn", download.SuggestedFilename);
        Assert.Contains("nsp:daysBefore=\"10\"", await File.ReadAllTextAsync(await download.PathAsync()));
        await PageChecks.AssertAccessibleAsync(page, "the versions of the reflection pathway");

        // Version 1 against 2: the changed timer is marked in both diagrams and its days listed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Jämför" }).ClickAsync();
        await Assertions.Expect(page.Locator("#compare-from [data-element-id=\"Event_Reminder7\"]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bdiff-changed\b"));
        await Assertions.Expect(page.Locator("#compare-to [data-element-id=\"Event_Reminder7\"]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bdiff-changed\b"));
        var changed = page.GetByRole(AriaRole.Table, new() { Name = "Ändringar" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Event_Reminder7" });
        await Assertions.Expect(changed).ToContainTextAsync("Ändrat");
        await Assertions.Expect(changed).ToContainTextAsync("7 → 10");
        await Assertions.Expect(page.Locator("#compare-to [data-element-id=\"Task_StartPeriod\"]")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bdiff-"));
        await PageChecks.AssertAccessibleAsync(page, "two versions of the reflection pathway compared");
        await PageChecks.ScreenshotAsync(page, "designer-compare");
        await page.Context.CloseAsync();

        // A case admitted now runs the new version; the one admitted before keeps its own. Both end on day 30.
        var (_, after) = await driver.ApplyAndAdmitAsync(placement);
        await driver.AdvanceDaysAsync(19);
        Assert.Equal([after], await RemindedAsync(driver));
        await driver.AdvanceDaysAsync(3);
        Assert.Equal([after, before], await RemindedAsync(driver));
    }

    [Fact]
    public async Task A_service_task_without_a_handler_is_refused_and_its_problem_opens_the_handler_field()
    {
        await using var app = await NspApp.StartAsync();
        var page = await browser.SignedInPageAsync(app, 1280, Admin, 900);
        await page.GotoAsync("/designer/nsp-reflection");
        await page.Locator(".djs-element[data-element-id=\"Task_StartPeriod\"]").ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Egenskaper för det markerade elementet" });
        await panel.GetByText("NSP Workflow", new() { Exact = true }).ClickAsync();
        var handler = panel.GetByLabel("Hanterare", new() { Exact = true });
        await Assertions.Expect(handler).ToHaveValueAsync("start-reflection");
        await handler.SelectOptionAsync(new SelectOptionValue { Label = "(ingen)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();

        var problems = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "problem" });
        await Assertions.Expect(problems).ToContainTextAsync("has no handler");
        // From another element back to the problem: the list selects the task and puts the keyboard in its handler field.
        await page.Locator(".djs-element[data-element-id=\"Gateway_Mmm\"]").ClickAsync();
        await problems.GetByRole(AriaRole.Button, new() { Name = "Starta reflektionsperiod (Task_StartPeriod)" }).ClickAsync();
        await Assertions.Expect(handler).ToBeFocusedAsync();
        await Assertions.Expect(panel.Locator(".bio-properties-panel-entry.has-error")).ToContainTextAsync("has no handler");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("publicerades inte");
        await PageChecks.ScreenshotAsync(page, "designer-properties-problem");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_uploaded_file_with_an_entity_bomb_is_refused_at_the_field_and_a_valid_one_opens_as_a_draft()
    {
        await using var app = await NspApp.StartAsync();
        var page = await browser.SignedInPageAsync(app, 1280, Admin, 900);
        await page.GotoAsync("/designer");
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="bomb">&lol2;</bpmn:process></bpmn:definitions>
            """;
        var file = page.GetByLabel("BPMN-fil", new() { Exact = true });
        await file.SetInputFilesAsync(new FilePayload { Name = "bomb.bpmn", MimeType = "application/xml", Buffer = System.Text.Encoding.UTF8.GetBytes(bomb) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp som utkast" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Filen kunde inte läsas som BPMN och sparades inte.");
        await Assertions.Expect(file).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#File-error")).ToContainTextAsync("document type declaration (DTD)");
        await PageChecks.AssertAccessibleAsync(page, "the designer list with a refused upload");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "bomb" })).ToHaveCountAsync(0);

        // The example process, renamed, comes back as a new draft and opens in the designer.
        var example = (await File.ReadAllTextAsync(Path.Combine(NspWorkflow.Web.Tests.Pathways.PathwayFiles.Folder, "example-approval.bpmn")))
            .Replace("id=\"example-approval\"", "id=\"uploaded-approval\"").Replace("bpmnElement=\"example-approval\"", "bpmnElement=\"uploaded-approval\"");
        await file.SetInputFilesAsync(new FilePayload { Name = "uploaded.bpmn", MimeType = "application/xml", Buffer = System.Text.Encoding.UTF8.GetBytes(example) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp som utkast" }).ClickAsync();
        await page.WaitForURLAsync("**/designer/uploaded-approval");
        await Assertions.Expect(page.Locator("#designer-version")).ToContainTextAsync("utkast");
        await page.Context.CloseAsync();
    }

    /// <summary>The case references in the reminder mails sent so far, in the order they were written.</summary>
    private static async Task<List<string>> RemindedAsync(CaseDriver driver) =>
        [.. (await driver.MailAsync()).Where(m => m.GetProperty("kind").GetString() == "reminder")
            .OrderBy(m => m.GetProperty("createdAt").GetDateTimeOffset())
            .Select(m => References(m).Single())];

    private static IEnumerable<string> References(JsonElement mail) =>
        System.Text.RegularExpressions.Regex.Matches(mail.GetProperty("text").GetString()!, @"NSP-\d{4}-\d{4}").Select(m => m.Value).Distinct();
}

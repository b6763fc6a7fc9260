using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Features.Workflows;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Workflows;

/// <summary>
/// The designer's editor (/designer/{processId}) in Chromium at a desk: bpmn-js with the nsp: attributes and the engine's
/// palette in Swedish, the server's problems at their element and in a list, and a valid edit published as a new version.
/// The tests share one app: the reflection pathway is only read or saved as a draft with problems, and the valid edit is
/// made on the example process.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DesignerEditorTests(SharedApp shared, BrowserFixture browser) : IClassFixture<SharedApp>
{
    private const string Admin = "Anders Administratör";

    [Fact]
    public async Task The_administrator_opens_the_reflection_pathway_and_sees_its_elements_and_settings_in_the_engines_palette()
    {
        var page = await browser.SignedInPageAsync(shared.App, 1280, Admin, 900);
        await page.GotoAsync("/designer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reflektionsperiod", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/designer/nsp-reflection");

        await Assertions.Expect(page.Locator(".djs-element[data-element-id=\"Task_StartPeriod\"]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".djs-element[data-element-id=\"Gateway_Mmm\"]")).ToBeVisibleAsync();
        // The moddle descriptor reads nsp: attributes as properties, and writes them back.
        Assert.Equal("start-reflection", await page.EvaluateAsync<string>(
            "() => window.nspDesigner.modeler.get('elementRegistry').get('Task_StartPeriod').businessObject.handler"));
        var saved = await page.EvaluateAsync<string>("async () => (await window.nspDesigner.modeler.saveXML({ format: true })).xml");
        Assert.Contains("nsp:handler=\"start-reflection\"", saved);
        Assert.Contains("nsp:correlationKey=\"caseId\"", saved);
        Assert.Contains("nsp:mailTemplate=\"period-reminder\"", saved);

        // The palette offers the engine's elements, in Swedish, and nothing the engine does not run.
        var palette = page.Locator(".djs-palette");
        await Assertions.Expect(palette.GetByRole(AriaRole.Button, new() { Name = "Skapa användaruppgift" })).ToBeVisibleAsync();
        await Assertions.Expect(palette.Locator("[data-action=\"create.task\"]")).ToHaveCountAsync(0);
        await Assertions.Expect(palette.Locator("[data-action=\"create.data-object\"]")).ToHaveCountAsync(0);
        await Assertions.Expect(palette.Locator("[data-action=\"create.participant-expanded\"]")).ToHaveCountAsync(0);
        // The context pad of a service task offers the engine's tasks instead of a plain task.
        await page.Locator(".djs-element[data-element-id=\"Task_StartPeriod\"]").ClickAsync();
        var pad = page.Locator(".djs-context-pad");
        await Assertions.Expect(pad.Locator("[data-action=\"append.user-task\"]")).ToHaveAttributeAsync("title", "Lägg till användaruppgift");
        await Assertions.Expect(pad.Locator("[data-action=\"append.append-task\"]")).ToHaveCountAsync(0);
        await Assertions.Expect(pad.Locator("[data-action=\"delete\"]")).ToHaveAttributeAsync("title", "Ta bort");
        await Assertions.Expect(page.Locator(".bjs-powered-by")).ToBeVisibleAsync();

        await PageChecks.AssertAccessibleAsync(page, "the designer with the reflection pathway");
        await PageChecks.ScreenshotAsync(page, "designer-reflection");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_gateway_without_outgoing_flows_is_shown_at_the_element_and_in_the_list_and_publishing_is_refused()
    {
        var before = await LatestPublishedAsync("nsp-reflection");
        var page = await browser.SignedInPageAsync(shared.App, 1280, Admin, 900);
        await page.GotoAsync("/designer/nsp-reflection");
        await Assertions.Expect(page.Locator(".djs-element[data-element-id=\"Gateway_Mmm\"]")).ToBeVisibleAsync();

        await page.EvaluateAsync("""
            () => {
              const modeler = window.nspDesigner.modeler;
              const gateway = modeler.get('elementRegistry').get('Gateway_Mmm');
              modeler.get('modeling').removeElements([...gateway.outgoing]);
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();

        var problems = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "problem" });
        await Assertions.Expect(problems).ToContainTextAsync("Gateway_Mmm");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("är sparat, men problemen nedan måste rättas");
        var gateway = page.Locator(".djs-element[data-element-id=\"Gateway_Mmm\"]");
        await Assertions.Expect(gateway).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("has-problem"));
        await Assertions.Expect(page.Locator(".djs-overlays[data-container-id=\"Gateway_Mmm\"] .nsp-problem-note")).ToBeVisibleAsync();

        // A problem in the list selects its element.
        await problems.GetByRole(AriaRole.Button, new() { Name = "Gateway_Mmm" }).First.ClickAsync();
        Assert.Equal("Gateway_Mmm", await page.EvaluateAsync<string>(
            "() => window.nspDesigner.modeler.get('selection').get().map(e => e.id).join(',')"));
        await PageChecks.AssertAccessibleAsync(page, "the designer with problems");
        await PageChecks.ScreenshotAsync(page, "designer-problems");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("publicerades inte");
        await Assertions.Expect(problems).ToContainTextAsync("Gateway_Mmm");
        Assert.Equal(before, await LatestPublishedAsync("nsp-reflection"));

        // The draft opens again with its problems shown.
        // Waiting for the address only: the load event of the designer's bundle can be slow on a busy machine.
        await page.GotoAsync("/designer/nsp-reflection", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByText("(utkast)")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(gateway).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(problems).ToContainTextAsync("Gateway_Mmm");
        await Assertions.Expect(gateway).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("has-problem"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_english_the_page_and_the_palette_are_english()
    {
        var page = await browser.SignedInPageAsync(shared.App, 1280, Admin, 900);
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await page.GotoAsync("/designer/nsp-reflection");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save draft" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".djs-palette").GetByRole(AriaRole.Button, new() { Name = "Create user task" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_page_says_the_designer_needs_a_larger_screen()
    {
        var page = await browser.SignedInPageAsync(shared.App, 390, Admin);
        await page.GotoAsync("/designer/nsp-reflection");

        await Assertions.Expect(page.GetByText("Designverktyget behöver en större skärm.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" })).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The designer page must fit a phone's screen without sideways scrolling.");
        await PageChecks.AssertAccessibleAsync(page, "the designer on a phone");
        await PageChecks.ScreenshotAsync(page, "designer-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_coordinator_may_not_open_the_designer_and_an_unknown_process_is_not_found()
    {
        using var coordinator = await shared.App.SignInAsync("coordinator");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/designer/nsp-reflection")).StatusCode);
        using var admin = await shared.App.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/designer/no-such-process")).StatusCode);
        // Saving needs the page's antiforgery token, not just the session.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/designer/nsp-reflection?handler=Save",
            new FormUrlEncodedContent([new("xml", "<x/>")]))).StatusCode);
    }

    [Fact]
    public async Task A_valid_edit_is_published_as_a_new_version_while_a_running_instance_keeps_its_version()
    {
        var before = await LatestPublishedAsync(EngineCalls.ExampleProcess);
        var running = await EngineCalls.StartExampleAsync(shared.App);
        var page = await browser.SignedInPageAsync(shared.App, 1280, Admin, 900);
        await page.GotoAsync($"/designer/{EngineCalls.ExampleProcess}");
        await Assertions.Expect(page.Locator(".djs-element[data-element-id=\"Task_Review\"]")).ToBeVisibleAsync();

        await page.EvaluateAsync("""
            () => {
              const modeler = window.nspDesigner.modeler;
              modeler.get('modeling').updateLabel(modeler.get('elementRegistry').get('Task_Review'), 'Review the admission again');
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("är publicerad");
        var after = await LatestPublishedAsync(EngineCalls.ExampleProcess);
        Assert.True(after > before, $"Published version {after} is not newer than {before}.");
        await using var scope = shared.App.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<DefinitionCatalog>();
        Assert.Contains("Review the admission again", (await catalog.GetLatestPublishedAsync(EngineCalls.ExampleProcess))!.Xml);
        await using var db = shared.App.CreateDbContext();
        Assert.Equal(before, (await db.WorkflowInstances.SingleAsync(i => i.Id == running)).DefinitionVersion);
        var audited = await db.AuditEntries.Where(a => a.Actor == Admin && a.Detail == $"{EngineCalls.ExampleProcess} version {after}")
            .Select(a => a.Action).ToListAsync();
        Assert.Contains(WorkflowDefinitionEdits.SavedAction, audited);
        Assert.Contains(WorkflowDefinitionEdits.PublishedAction, audited);
        await PageChecks.ScreenshotAsync(page, "designer-published");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administrator_makes_a_task_multi_instance_and_catches_an_error_on_a_service_task_and_the_draft_saves_both()
    {
        var page = await browser.SignedInPageAsync(shared.App, 1280, Admin, 900);
        await page.GotoAsync("/designer/nsp-integration");
        var service = page.Locator(".djs-element[data-element-id=\"Task_StartIntegration\"]");
        await Assertions.Expect(service).ToBeVisibleAsync();
        var palette = page.Locator(".djs-palette");
        await Assertions.Expect(palette.Locator("[data-action=\"create.subprocess-expanded\"]")).ToHaveAccessibleNameAsync("Skapa delprocess");
        await Assertions.Expect(palette.Locator("[data-action=\"create.inclusive-gateway\"]")).ToHaveAccessibleNameAsync("Skapa inkluderande gateway (ett eller flera val)");
        var pad = page.Locator(".djs-context-pad");
        var popup = page.Locator(".djs-popup");
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Egenskaper för det markerade elementet" });

        // The user task, parallel multi-instance from its replace menu (which offers no loop), over the list named in its panel.
        await page.Locator(".djs-element[data-element-id=\"Task_ExitReport\"]").ClickAsync();
        await pad.Locator("[data-action=\"replace\"]").ClickAsync();
        await Assertions.Expect(popup.Locator("[data-id=\"toggle-loop\"]")).ToHaveCountAsync(0);
        await popup.GetByTitle("Flera instanser samtidigt").ClickAsync();
        await panel.GetByText("Flera instanser", new() { Exact = true }).ClickAsync();
        var collection = panel.GetByLabel("Lista att gå igenom", new() { Exact = true });
        await collection.FillAsync("reportIds");
        await collection.PressAsync("Tab");

        // A timer dropped on the service task's edge, changed to an error boundary event, with a new error and its code.
        var timer = (await palette.Locator("[data-action=\"create.timer-event\"]").BoundingBoxAsync())!;
        var task = (await service.Locator(".djs-visual > rect").First.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(timer.X + timer.Width / 2, timer.Y + timer.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(task.X + task.Width / 2, task.Y + task.Height - 2, new() { Steps = 12 });
        await page.Mouse.UpAsync();
        await pad.Locator("[data-action=\"replace\"]").ClickAsync();
        await popup.Locator("[data-id=\"replace-with-error-boundary\"]").ClickAsync();
        await panel.GetByText("Fel", new() { Exact = true }).ClickAsync();
        await panel.GetByLabel("Fel som kastas eller fångas", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Skapa nytt …" });
        var code = panel.GetByLabel("Felkod", new() { Exact = true });
        await code.FillAsync("integration-not-started");
        await code.PressAsync("Tab");
        await pad.Locator("[data-action=\"append.end-event\"]").ClickAsync();
        await PageChecks.ScreenshotAsync(page, "designer-error-boundary");

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer-status")).ToContainTextAsync("är sparat");
        await Assertions.Expect(page.Locator("#designer-problems")).ToBeEmptyAsync();
        await PageChecks.AssertAccessibleAsync(page, "the designer with a multi-instance task and an error boundary event");
        var version = await page.EvaluateAsync<int>("() => window.nspDesigner.state.version");
        await page.Context.CloseAsync();

        // What the server stored: the loop over the list, and the boundary event catching an error that has its code.
        await using var scope = shared.App.Services.CreateAsyncScope();
        var saved = (await scope.ServiceProvider.GetRequiredService<DefinitionCatalog>().GetAsync("nsp-integration", version))!;
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL", nsp = "https://nsp-workflow.se/schema/bpmn";
        var xml = XDocument.Parse(saved.Xml);
        var loop = xml.Descendants(bpmn + "userTask").Single(t => (string?)t.Attribute("id") == "Task_ExitReport")
            .Element(bpmn + "multiInstanceLoopCharacteristics")!;
        Assert.Equal("reportIds", (string?)loop.Attribute(nsp + "collection"));
        Assert.NotEqual("true", (string?)loop.Attribute("isSequential"));
        var boundary = xml.Descendants(bpmn + "boundaryEvent").Single(b => (string?)b.Attribute("attachedToRef") == "Task_StartIntegration"
            && b.Element(bpmn + "errorEventDefinition") is not null);
        var errorRef = (string?)boundary.Element(bpmn + "errorEventDefinition")!.Attribute("errorRef");
        var error = xml.Root!.Elements(bpmn + "error").Single(e => (string?)e.Attribute("id") == errorRef);
        Assert.Equal("integration-not-started", (string?)error.Attribute("errorCode"));
    }

    private async Task<int?> LatestPublishedAsync(string processId)
    {
        await using var scope = shared.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DefinitionCatalog>().GetLatestPublishedAsync(processId))?.Version;
    }
}

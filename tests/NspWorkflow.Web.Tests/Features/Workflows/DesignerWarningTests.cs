using Microsoft.Playwright;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Workflows;

/// <summary>
/// The designer's warnings, apart from its problems: a model that can hang at a parallel join is saved and published, and
/// the administrator is told which join and which choice. An app of its own, since the example is left with a new version.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DesignerWarningTests(BrowserFixture browser)
{
    private const string Admin = "Anders Administratör";

    [Fact]
    public async Task A_join_of_two_alternatives_is_saved_with_a_warning_naming_the_split_and_stays_publishable()
    {
        await using var app = await NspApp.StartAsync();
        var page = await browser.SignedInPageAsync(app, 1280, Admin, 900);
        await page.GotoAsync($"/designer/{EngineCalls.ExampleProcess}");
        await Assertions.Expect(page.Locator(".djs-element[data-element-id=\"Gateway_Outcome\"]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#designer-warnings")).ToBeEmptyAsync();

        // Both answers of "Completed?" now meet at a parallel join: it waits for both, and only one ever comes.
        await page.EvaluateAsync("""
            () => {
              const modeler = window.nspDesigner.modeler;
              const registry = modeler.get('elementRegistry');
              const modeling = modeler.get('modeling');
              const gateway = registry.get('Gateway_Outcome');
              const review = registry.get('Task_Review');
              const approved = registry.get('EndEvent_Approved');
              modeling.removeElements([approved, registry.get('EndEvent_Declined')]);
              const join = modeling.createShape({ type: 'bpmn:ParallelGateway' }, { x: approved.x + 60, y: approved.y + 140 }, review.parent);
              modeling.connect(review, join);
              const declined = modeling.connect(gateway, join);
              modeling.updateProperties(gateway, { default: declined });
              const end = modeling.createShape({ type: 'bpmn:EndEvent' }, { x: join.x + 150, y: join.y + 25 }, review.parent);
              modeling.connect(join, end);
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();

        var warnings = page.Locator("#designer-warnings");
        await Assertions.Expect(warnings.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Varningar: kan fastna när processen körs (hindrar inte publicering)");
        await Assertions.Expect(warnings).ToContainTextAsync("exclusive gateway 'Gateway_Outcome' (Completed?)");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("är sparat");
        await Assertions.Expect(page.Locator("#designer-problems")).ToBeEmptyAsync();
        await PageChecks.AssertAccessibleAsync(page, "the designer with a warning");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("är publicerad");
        await page.Context.CloseAsync();
    }
}

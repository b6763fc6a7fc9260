using Microsoft.Playwright;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Shelters;

/// <summary>The shelter form in a real browser on a phone-sized screen, found by its labels as a person finds it.</summary>
[Collection(AppCollection.Name)]
public sealed class ShelterBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_administrator_is_led_to_the_errors_then_creates_a_shelter_on_a_phone()
    {
        await using var app = await NspApp.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.AbsoluteUri, ViewportSize = new ViewportSize { Width = 375, Height = 740 }, Locale = "sv-SE",
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First.ClickAsync();
        await page.WaitForURLAsync("**/dev/sign-in**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anders Administratör" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl.AbsoluteUri);
        await page.GotoAsync("/shelters");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt boende" }).ClickAsync();
        await page.WaitForURLAsync("**/shelters/new");

        // An empty form: the summary takes focus and its first link leads to the first invalid field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Namn måste anges.");
        await Assertions.Expect(summary).ToContainTextAsync("Region måste anges.");
        await Assertions.Expect(summary).ToContainTextAsync("Ange minst en målgrupp: kvinnor eller män.");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var name = page.GetByLabel("Namn", new() { Exact = true });
        await Assertions.Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Namn måste anges." }).ClickAsync();
        await Assertions.Expect(name).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The form must fit a 375 px wide screen without sideways scrolling.");

        await name.FillAsync("Boende i Mitt");
        await page.GetByLabel("Region", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Mitt" });
        await page.GetByLabel("Kvinnor", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Medföljande barn", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Antal platser", new() { Exact = true }).FillAsync("4");
        await page.GetByLabel("Sexuella ändamål", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Tiggeri", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Kontaktadresser", new() { Exact = true }).FillAsync("kontakt@mitt.example\nnatt@mitt.example");
        await page.GetByLabel("Certifieringsstatus", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Certifierad" });
        await page.GetByLabel("Certifierad till", new() { Exact = true }).FillAsync("2027-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        // Exactly the list: the fragment of the summary link must not follow the user there.
        await page.WaitForURLAsync(new Uri(app.BaseUrl, "/shelters").AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Boendet har sparats.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Boende i Mitt" }) });
        await Assertions.Expect(row).ToContainTextAsync("Mitt");
        await Assertions.Expect(row).ToContainTextAsync("Kvinnor, Medföljande barn");
        await Assertions.Expect(row).ToContainTextAsync("Giltig");
        await Assertions.Expect(row).ToContainTextAsync("2027-06-30");
        await context.CloseAsync();
    }
}

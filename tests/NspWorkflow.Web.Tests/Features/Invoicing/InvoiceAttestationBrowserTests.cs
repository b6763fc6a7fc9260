using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Invoicing;

/// <summary>
/// A month's invoice in the browser: the administrator builds March, the shelter worker on a phone submits the basis with
/// the invoice number and the invoice file, the coordinator attests it from the inbox and downloads the basis as CSV and PDF.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InvoiceAttestationBrowserTests(BrowserFixture browser)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [Fact]
    public async Task The_shelter_submits_its_basis_with_the_invoice_and_the_coordinator_attests_it_from_the_inbox_and_downloads_it()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        // Reflection 2–31 March: 30 days at 600 + 600 kr.
        var (_, reference) = await driver.ApplyAndAdmitAsync(new DateOnly(2026, 3, 2));
        await driver.AdvanceDaysAsync(30);
        var march = Kronor(30 * 1200m);

        var admin = await browser.SignedInPageAsync(app, 1280, "Anders Administratör", 900);
        await admin.GotoAsync("/invoices");
        await admin.GetByLabel("Månad", new() { Exact = true }).FillAsync("2026-03");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Bygg underlag" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Underlagen för 2026-03 är byggda");
        await admin.Context.CloseAsync();

        var shelter = await browser.SignedInPageAsync(app, 390, "Sofia på Demoboende Nord");
        await shelter.GetByRole(AriaRole.Link, new() { Name = "Fakturaunderlag" }).ClickAsync();
        await shelter.GetByRole(AriaRole.Link, new() { Name = "2026-03" }).ClickAsync();
        await Assertions.Expect(shelter.GetByRole(AriaRole.Heading, new() { Name = "Fakturaunderlag 2026-03, Demoboende Nord", Level = 1 })).ToBeVisibleAsync();
        var line = shelter.GetByRole(AriaRole.Table, new() { Name = "Rader" }).GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Assertions.Expect(line).ToContainTextAsync("30 dagar, 2026-03-02 – 2026-03-31");
        await Assertions.Expect(line).ToContainTextAsync(march);

        // Sent empty: the summary names both fields and leads to them.
        await shelter.GetByRole(AriaRole.Button, new() { Name = "Skicka in", Exact = true }).ClickAsync();
        var summary = shelter.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Fakturan skickades inte in" });
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Fakturanummer" })).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Faktura (PDF)" })).ToBeVisibleAsync();
        await Assertions.Expect(shelter.GetByLabel("Fakturanummer")).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.AssertAccessibleAsync(shelter, "the invoice basis with errors on a phone");

        await shelter.GetByLabel("Fakturanummer").FillAsync("F-2026-031");
        await shelter.GetByLabel("Faktura (PDF)").SetInputFilesAsync(new FilePayload
        {
            Name = "faktura-mars.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n% faktura\n%%EOF\n"),
        });
        await shelter.GetByRole(AriaRole.Button, new() { Name = "Skicka in", Exact = true }).ClickAsync();
        await Assertions.Expect(shelter.GetByRole(AriaRole.Status)).ToHaveTextAsync("Fakturan är inskickad. Samordnaren attesterar den.");
        await Assertions.Expect(shelter.GetByText("Inskickad, väntar på attest")).ToBeVisibleAsync();
        Assert.True(await shelter.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The invoice basis must fit a phone's screen without sideways scrolling.");
        await PageChecks.AssertAccessibleAsync(shelter, "the submitted invoice basis on a phone");
        await PageChecks.ScreenshotAsync(shelter, "invoice-basis");

        var coordinator = await browser.SignedInPageAsync(app, 1280, "Karin Samordnare", 900);
        await coordinator.GotoAsync("/inbox");
        await coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "2026-03 Demoboende Nord" })
            .GetByRole(AriaRole.Link, new() { Name = "Attestera faktura" }).ClickAsync();
        // The decision page shows what is attested: the lines and the sums.
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Table, new() { Name = "Rader" }).GetByRole(AriaRole.Row).Filter(new() { HasText = reference }))
            .ToContainTextAsync(march);
        await PageChecks.AssertAccessibleAsync(coordinator, "the attestation of an invoice");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Attestera", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uppgiften är slutförd.");

        await coordinator.GotoAsync("/invoices?status=attested");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "2026-03" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Karin Samordnare", new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.Equal(0, await coordinator.GetByRole(AriaRole.Button, new() { Name = "Skicka in", Exact = true }).CountAsync());

        var csv = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Link, new() { Name = "Ladda ner underlaget (CSV)" }).ClickAsync());
        var csvText = await File.ReadAllTextAsync((await csv.PathAsync())!, Encoding.UTF8);
        Assert.Contains(reference, csvText, StringComparison.Ordinal);
        Assert.Contains((30 * 1200m).ToString("0.00", Swedish), csvText, StringComparison.Ordinal);
        var pdf = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Link, new() { Name = "Ladda ner underlaget (PDF)" }).ClickAsync());
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await File.ReadAllBytesAsync((await pdf.PathAsync())!))[..4]), StringComparison.Ordinal);
        Assert.EndsWith(".pdf", pdf.SuggestedFilename, StringComparison.Ordinal);

        // The budget shows the attested month as spent (no grant set: the days are shown without a funder).
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Budget", Exact = true }).ClickAsync();
        var total = coordinator.GetByRole(AriaRole.Table, new() { Name = "Budget 2026 per finansiär" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Totalt" });
        await Assertions.Expect(total).ToContainTextAsync((30 * 1200m).ToString("N0", Swedish) + " kr");
        await PageChecks.AssertAccessibleAsync(coordinator, "the budget");

        // The shelter is told of the attestation by mail, with a link and no sum.
        var decided = (await driver.MailAsync()).Where(m => m.GetProperty("kind").GetString() == "decision").ToList();
        Assert.Contains(decided, m => m.GetProperty("text").GetString()!.Contains("Samordnaren har fattat beslut om fakturan: attesterad.", StringComparison.Ordinal));
        await shelter.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }

    private static string Kronor(decimal amount) => amount.ToString("N2", Swedish) + " kr";
}

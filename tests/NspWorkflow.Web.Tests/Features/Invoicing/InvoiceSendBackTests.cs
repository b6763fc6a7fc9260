using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Web.Features.Invoicing;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Invoicing;

/// <summary>
/// The coordinator sends an invoice back with a comment the shelter reads on the basis page; the shelter submits again and
/// the new invoice is attested, by one of two coordinators deciding at once; an attested basis is locked.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InvoiceSendBackTests
{
    [Fact]
    public async Task An_invoice_sent_back_with_a_comment_is_submitted_again_and_once_attested_is_locked()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        await driver.ApplyAndAdmitAsync(new DateOnly(2026, 3, 2));
        await driver.AdvanceDaysAsync(30);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<InvoiceBasisJob>().BuildAsync(new InvoiceMonth(2026, 3), "test", CancellationToken.None);
        using var shelter = await app.SignInAsync("shelter-1");
        var basisId = (await BasisAsync(app)).Id;

        await SubmitAsync(shelter, basisId, "F-1");
        var task = await AttestationTaskAsync(driver);
        var noComment = await driver.CompleteAsync(driver.Coordinator, task, "send-back");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
        Assert.Equal(["data.reason"], (await CaseDriver.FieldErrorsAsync(noComment)).Keys);

        var sentBack = await driver.CompleteAsync(driver.Coordinator, task, "send-back", new { reason = "Fakturanumret saknar löpnummer." });
        Assert.True(sentBack.IsSuccessStatusCode, await sentBack.Content.ReadAsStringAsync());
        Assert.Equal(InvoiceBasisStatus.SentBack, (await BasisAsync(app)).Status);
        Assert.Contains("Fakturanumret saknar löpnummer.", await shelter.GetStringAsync($"/invoices/{basisId}"), StringComparison.Ordinal);
        Assert.Contains(await driver.MailAsync(), m => m.GetProperty("text").GetString()!.Contains("fakturan: skickad tillbaka med en kommentar", StringComparison.Ordinal));

        // Submitted again; two coordinators attest at once: one wins, the other is told the task is done.
        await SubmitAsync(shelter, basisId, "F-2");
        var again = await AttestationTaskAsync(driver);
        using var second = await app.ApiClientAsync("demo-coordinator");
        var answers = await Task.WhenAll(driver.CompleteAsync(driver.Coordinator, again, "attest"), driver.CompleteAsync(second, again, "attest"));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);

        var attested = await BasisAsync(app);
        Assert.Equal(InvoiceBasisStatus.Attested, attested.Status);
        // Locked: the form is gone and a submission is refused.
        var page = await shelter.GetStringAsync($"/invoices/{basisId}");
        Assert.DoesNotContain("name=\"InvoiceNumber\"", page, StringComparison.Ordinal);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(NspApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("F-3"), "InvoiceNumber" },
            { new StringContent(attested.Version.ToString()), "Version" },
            { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "InvoiceFile", "faktura.pdf" },
        };
        await shelter.PostAsync($"/invoices/{basisId}", form);
        Assert.Equal(attested.InvoiceNumber, (await BasisAsync(app)).InvoiceNumber);
    }

    private static async Task<Guid> AttestationTaskAsync(CaseDriver driver) =>
        (await driver.Coordinator.GetFromJsonAsync<JsonElement>("/api/tasks?status=open")).EnumerateArray()
            .Single(t => t.GetProperty("formKey").GetString() == "invoice-attestation").GetProperty("id").GetGuid();

    private static async Task<InvoiceBasisRow> BasisAsync(NspApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.InvoiceBases.AsNoTracking().SingleAsync(b => b.ShelterId == CaseDriver.ShelterNorth);
    }

    private static async Task SubmitAsync(HttpClient shelter, Guid basisId, string number)
    {
        var page = await shelter.GetStringAsync($"/invoices/{basisId}");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Version\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(NspApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(number), "InvoiceNumber" },
            { new StringContent(version), "Version" },
            { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "InvoiceFile", "faktura.pdf" },
        };
        var submitted = await shelter.PostAsync($"/invoices/{basisId}", form);
        Assert.Contains("Fakturan är inskickad", await submitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

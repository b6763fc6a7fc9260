using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>The receipt of a point intervention: uploaded by the shelter, stored encrypted, read by those who may read the case.</summary>
[Collection(AppCollection.Name)]
public sealed class ReceiptTests
{
    [Fact]
    public async Task A_receipt_is_stored_encrypted_read_back_by_the_coordinator_and_hidden_from_the_other_shelter()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (caseId, _) = await driver.ApplyAndAdmitAsync(driver.Today);
        var submitted = await driver.SubmitPointInterventionAsync(caseId, "clothes", 800m, "Vinterkläder");
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var interventionId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var url = $"/api/cases/{caseId}/point-interventions/{interventionId}/receipt";

        // Not a PDF, JPEG or PNG, whatever the header claims.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await driver.Shelter.PutAsync(url, Body("Kvitto i text", "application/pdf"))).StatusCode);

        var receipt = Encoding.UTF8.GetBytes("%PDF-1.4\nKvitto: vinterjacka till Anna Andersson, 800 kr\n%%EOF");
        Assert.Equal(HttpStatusCode.NoContent, (await driver.Shelter.PutAsync(url, Body(receipt, "application/pdf"))).StatusCode);

        var read = await driver.Coordinator.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("application/pdf", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal(receipt, await read.Content.ReadAsByteArrayAsync());
        var stored = (await driver.CaseAsync(caseId)).GetProperty("pointInterventions")[0];
        Assert.Equal("upload:pdf", stored.GetProperty("receiptReference").GetString());

        // At rest the file is encrypted: the name on the receipt is not in it.
        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "receipts")));
        Assert.DoesNotContain("Anna Andersson", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));

        using var otherShelter = await app.ApiClientAsync("demo-shelter-2");
        Assert.Equal(HttpStatusCode.NotFound, (await otherShelter.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherShelter.PutAsync(url, Body(receipt, "application/pdf"))).StatusCode);

        await using var db = app.CreateDbContext();
        var actions = await db.AuditEntries.AsNoTracking().Where(a => a.CaseId == caseId).Select(a => a.Action).ToListAsync();
        Assert.Contains("case.receipt", actions);
        Assert.Contains("case.receipt.read", actions);
    }

    private static ByteArrayContent Body(string text, string contentType) => Body(Encoding.UTF8.GetBytes(text), contentType);

    private static ByteArrayContent Body(byte[] content, string contentType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return body;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Web.Features.Retention;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Retention;

/// <summary>Cases closed with personal facts and free text in every place a case keeps them, and the retention job run.</summary>
internal static class RetentionDriver
{
    /// <summary>A name that stands for the person in free text; it must be gone from everything of an erased case.</summary>
    public const string Name = "Anna Svensson";
    public const int BirthYear = 1987;

    public static object Application(DateOnly placement) => new
    {
        shelterId = CaseDriver.ShelterNorth,
        placementDate = placement,
        birthYear = BirthYear,
        gender = "female",
        countryOfOrigin = "RO",
        exploitation = new[] { "sexual" },
        children = Array.Empty<object>(),
        criteria = new { likelyVictim = true, shelterCanMeetNeeds = true, notFundedBySociety = true },
    };

    /// <summary>Applied, commented and rejected with a reason naming the person: closed today.</summary>
    public static async Task<(Guid Id, string Reference)> RejectedAsync(CaseDriver driver)
    {
        var created = await driver.ApplyAsync(Application(driver.Today));
        await CommentAsync(driver, created.Id, $"{Name} ringde om sitt boende.");
        await driver.CompleteOkAsync(driver.Coordinator, created.Id, "admission-review", "reject", new { reason = $"{Name} har redan stöd från kommunen." });
        return created;
    }

    /// <summary>
    /// Admitted, a point intervention with its receipt and a comment, then after <paramref name="days"/> days a police report with
    /// MMM granted closes it (the coordinator's note of it stays open). Returns the point intervention's id.
    /// </summary>
    public static async Task<(Guid Id, string Reference, Guid PointIntervention)> ClosedByMmmAsync(CaseDriver driver, int days)
    {
        var placement = driver.Today;
        var created = await driver.ApplyAsync(Application(placement));
        await driver.CompleteOkAsync(driver.Coordinator, created.Id, "admission-review", "approve");
        var submitted = await driver.SubmitPointInterventionAsync(created.Id, "clothes", 800m, $"Vinterjacka till {Name}");
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var pointIntervention = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var receipt = new ByteArrayContent(Encoding.UTF8.GetBytes($"%PDF-1.4\nKvitto: vinterjacka till {Name}, 800 kr\n%%EOF"));
        receipt.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        Assert.Equal(HttpStatusCode.NoContent,
            (await driver.Shelter.PutAsync($"/api/cases/{created.Id}/point-interventions/{pointIntervention}/receipt", receipt)).StatusCode);
        await CommentAsync(driver, created.Id, $"{Name} flyttar snart.");
        await driver.AdvanceDaysAsync(days);
        Assert.Equal(HttpStatusCode.OK, (await driver.ReportToPoliceAsync(created.Id, placement.AddDays(days), mmmGranted: true)).StatusCode);
        Assert.Equal("closed", (await driver.CaseAsync(created.Id)).GetProperty("status").GetString());
        return (created.Id, created.Reference, pointIntervention);
    }

    public static async Task CommentAsync(CaseDriver driver, Guid id, string text) =>
        Assert.Equal(HttpStatusCode.Created, (await driver.Coordinator.PostAsJsonAsync($"/api/cases/{id}/comments", new { text })).StatusCode);

    public static async Task<RetentionRun> RunAsync(NspApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>Moves the clock to 08:00 UTC (09:00 or 10:00 in Sweden) of <paramref name="day"/>.</summary>
    public static void SetDay(NspApp app, DateOnly day) =>
        app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));

    /// <summary>What the reports and the money count of the cases, as text to compare: case columns, commitments, invoice lines.</summary>
    public static async Task<string> CountedRowsAsync(NspApp app, params Guid[] ids)
    {
        await using var db = app.CreateDbContext();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Reference)
            .Select(c => new { c.Id, c.Reference, c.ShelterId, c.Status, c.Outcome, c.PlacementDate, c.CreatedAt, c.UpdatedAt, c.ClosedOn })
            .ToListAsync();
        var periods = await db.CommitmentPeriods.AsNoTracking().Where(p => ids.Contains(p.CaseId)).OrderBy(p => p.Id).ToListAsync();
        var months = await db.CommitmentMonths.AsNoTracking().Where(m => ids.Contains(m.CaseId)).OrderBy(m => m.Id).ToListAsync();
        var lines = await db.InvoiceLines.AsNoTracking().Where(l => ids.Contains(l.CaseId)).OrderBy(l => l.Id).ToListAsync();
        return JsonSerializer.Serialize(new { cases, periods, months, lines }, Json);
    }

    private static readonly JsonSerializerOptions Json = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    /// <summary>Every stored text of the case that could carry the person's facts, besides the encrypted file itself.</summary>
    public static async Task<List<string>> StoredTextsAsync(NspDbContext db, Guid id)
    {
        var key = id.ToString();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.BusinessKey == key).ToListAsync();
        var instanceIds = instances.Select(i => i.Id).ToList();
        var row = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
        var texts = new List<string> { row.Reference, row.ProtectedData };
        texts.AddRange(instances.Select(i => i.StateJson));
        texts.AddRange(await db.WorkflowTasks.AsNoTracking().Where(t => instanceIds.Contains(t.InstanceId)).Select(t => t.DataJson ?? "").ToListAsync());
        texts.AddRange(await db.WorkflowJournal.AsNoTracking().Where(j => instanceIds.Contains(j.InstanceId)).Select(j => (j.Detail ?? "") + (j.Actor ?? "")).ToListAsync());
        texts.AddRange(await db.WorkflowIncidents.AsNoTracking().Where(i => instanceIds.Contains(i.InstanceId)).Select(i => i.Message).ToListAsync());
        texts.AddRange(await db.AuditEntries.AsNoTracking().Select(a => a.Action + " " + (a.Detail ?? "") + " " + (a.CaseReference ?? "")).ToListAsync());
        texts.AddRange(await db.OutboxMails.AsNoTracking().Select(m => m.Subject + " " + m.TextBody).ToListAsync());
        texts.AddRange(await db.InvoiceLines.AsNoTracking().Where(l => l.CaseId == id).Select(l => l.CaseReference + (l.CategoryKey ?? "") + (l.ReceiptReference ?? "") + l.Key).ToListAsync());
        texts.AddRange(await db.CaseComments.AsNoTracking().Where(c => c.CaseId == id).Select(c => c.Author + c.ProtectedText).ToListAsync());
        return texts;
    }

    /// <summary>The variables of every instance of the case.</summary>
    public static async Task<List<int>> VariableCountsAsync(NspDbContext db, Guid id)
    {
        var key = id.ToString();
        return [.. (await db.WorkflowInstances.AsNoTracking().Where(i => i.BusinessKey == key).Select(i => i.StateJson).ToListAsync())
            .Select(json => InstanceStateJson.Deserialize(json).Variables.Count)];
    }
}

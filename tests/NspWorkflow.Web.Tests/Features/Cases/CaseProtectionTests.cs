using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// The protections of the people in the cases, checked where they land: the audit log names who read and changed which
/// case, the stored case file holds no plain text, and no mail carries personal data.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CaseProtectionTests(PostgresServer postgres)
{
    private const string InitialNote = "Berättar om skulder till en bekant i Chisinau";
    private const string CompletionNote = "Behöver tolk på rumänska vid läkarbesök";
    private const string RejectionReason = "Personen har redan stöd genom socialtjänsten i Malmö";
    private const string CompletionComment = "Beskriv behovet av tolk närmare";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Reads_and_changes_are_audited_the_case_file_is_encrypted_and_mail_carries_no_personal_data(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var today = driver.Today;

        // One case asked for completion, completed and admitted, its reminders sent; another rejected with a reason.
        var (id, reference) = await driver.ApplyAsync(Application(today, InitialNote));
        await driver.CompleteOkAsync(driver.Coordinator, id, "admission-review", "complete", new { reason = CompletionComment });
        await driver.CompleteOkAsync(driver.Shelter, id, "admission-completion", "submit",
            new { needsAssessment = Assessment(today, CompletionNote) });
        await driver.CompleteOkAsync(driver.Coordinator, id, "admission-review", "approve");
        var (rejectedId, rejectedReference) = await driver.ApplyAsync(Application(today, "Ingen anteckning"));
        await driver.CompleteOkAsync(driver.Coordinator, rejectedId, "admission-review", "reject", new { reason = RejectionReason });
        await driver.AdvanceDaysAsync(28);

        // The API gives it all back to those allowed to read it.
        var admitted = await driver.CaseAsync(id, driver.Shelter);
        Assert.Equal("MD", admitted.GetProperty("countryOfOrigin").GetString());
        var notes = admitted.GetProperty("needsAssessments").EnumerateArray()
            .Select(a => a.GetProperty("areas").GetProperty("interpretation").GetProperty("notes").GetString()).ToList();
        Assert.Equal([InitialNote, CompletionNote], notes);
        Assert.Equal(RejectionReason, (await driver.CaseAsync(rejectedId)).GetProperty("rejectionReason").GetString());
        var list = await driver.Coordinator.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        await using var db = app.CreateDbContext();

        // The stored case file is ciphertext: not JSON, none of the free text, no country code.
        var rows = await db.Cases.AsNoTracking().ToListAsync();
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            Assert.False(string.IsNullOrEmpty(row.ProtectedData));
            foreach (var plain in new[] { InitialNote, CompletionNote, CompletionComment, RejectionReason, "Chisinau", "\"MD\"", "countryOfOrigin", "interpretation", "{" })
                Assert.DoesNotContain(plain, row.ProtectedData, StringComparison.Ordinal);
        }

        // Every read and change, with who, what and which case.
        var audit = await db.AuditEntries.AsNoTracking().ToListAsync();
        var ofCase = audit.Where(a => a.CaseId == id).ToList();
        Assert.All(ofCase, a => Assert.Equal(reference, a.CaseReference));
        Assert.Contains(ofCase, a => a is { Action: "case.create", Actor: "demo-shelter-1" });
        Assert.Contains(ofCase, a => a is { Action: "task.complete", Actor: "demo-coordinator", Detail: "admission-review:complete" });
        Assert.Contains(ofCase, a => a is { Action: "task.complete", Actor: "demo-shelter-1", Detail: "admission-completion:submit" });
        Assert.Contains(ofCase, a => a is { Action: "task.complete", Actor: "demo-coordinator", Detail: "admission-review:approve" });
        Assert.Contains(ofCase, a => a is { Action: "case.read", Actor: "demo-shelter-1" });
        Assert.Contains(audit, a => a is { Action: "case.read", Actor: "demo-coordinator" } && a.CaseId == rejectedId && a.CaseReference == rejectedReference);
        Assert.Contains(audit, a => a is { Action: "task.complete", Actor: "demo-coordinator", Detail: "admission-review:reject" } && a.CaseId == rejectedId);
        Assert.Contains(audit, a => a is { Action: "case.list", Actor: "demo-coordinator", CaseId: null });
        Assert.All(audit, a => Assert.True(a.At > DateTimeOffset.MinValue));
        Assert.All(audit, a => Assert.DoesNotContain(RejectionReason, a.Detail ?? "", StringComparison.Ordinal));

        // Mail went out (the completion task, the next step, its reminders), with the reference and nothing personal.
        var mail = await driver.MailAsync();
        Assert.Contains(mail, m => Text(m).Contains(reference, StringComparison.Ordinal));
        Assert.True(mail.Count >= 3, $"Expected the completion, next-step and reminder mails, got {mail.Count}");
        foreach (var m in mail)
        {
            var text = Text(m);
            foreach (var personal in new[] { InitialNote, CompletionNote, RejectionReason, "Chisinau", "Moldavien", "Moldova",
                "female", "kvinna", "sexual", "sexuell" })
                Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
            // Years and the country code as words of their own (a link's ids or tokens may hold the same characters).
            foreach (var code in new[] { "1995", "2019", "MD" })
                Assert.DoesNotMatch($@"(?<![\w-]){code}(?![\w-])", text);
        }
    }

    private static string Text(JsonElement mail) => $"{mail.GetProperty("subject").GetString()}\n{mail.GetProperty("text").GetString()}";

    private static object Application(DateOnly placement, string note) => new
    {
        shelterId = CaseDriver.ShelterNorth,
        placementDate = placement,
        birthYear = 1995,
        gender = "female",
        countryOfOrigin = "MD",
        exploitation = new[] { "sexual" },
        children = new[] { new { birthYear = 2019, inSweden = true } },
        criteria = new { likelyVictim = true, shelterCanMeetNeeds = true, notFundedBySociety = true },
        needsAssessment = Assessment(placement, note),
    };

    private static object Assessment(DateOnly date, string note) => new
    {
        kind = "initial",
        date,
        areas = new Dictionary<string, object>
        {
            ["housing"] = new { need = true, plannedSupport = "Skyddat boende" },
            ["interpretation"] = new { need = true, notes = note },
        },
    };
}

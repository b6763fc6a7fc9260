using System.Net;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Web.Pathways;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Pathways;

/// <summary>
/// The shelter hears of every decision by mail, with the step that makes it: what was decided (admission, a period, a
/// point intervention) and how, the case's reference and a link to the case; never the reason nor anything about the person.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DecisionMailTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string NorthAddress = "nord@demoboende.example";
    private const string Reason = "Motiveringen om personen stannar i ärendet";

    private NspApp App => shared.App;

    [Fact]
    public async Task Asking_for_completion_and_then_approving_an_admission_each_mail_the_shelter_the_decision_and_a_link_to_the_case()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (id, reference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));

        // Asking for completion says what is missing: without it nothing is decided, and nothing is mailed.
        var review = await driver.OpenTaskAsync(id, "admission-review");
        await CaseDriver.AssertStatusAsync(HttpStatusCode.UnprocessableEntity, await driver.CompleteAsync(driver.Coordinator, review, "complete"),
            "asking for completion without saying what");
        await driver.CompleteOkAsync(driver.Coordinator, id, "admission-review", "complete", new { reason = Reason });
        var asked = await DecisionMailsAsync(reference);
        Assert.Equal("Samordnaren har fattat beslut om ansökan om tillträde: komplettering begärs.", FirstLine(Assert.Single(asked).TextBody));

        await driver.CompleteOkAsync(driver.Shelter, id, "admission-completion", "submit");
        await driver.CompleteOkAsync(driver.Coordinator, id, "admission-review", "approve");

        var mails = await DecisionMailsAsync(reference);
        Assert.Equal(2, mails.Count);
        var approved = mails.Single(m => m.TextBody.Contains("godkänd", StringComparison.Ordinal));
        Assert.Equal([NorthAddress], approved.To);
        Assert.Equal(Texts.Swedish(PathwayMailer.DecisionSubject), approved.Subject);
        Assert.Equal("Samordnaren har fattat beslut om ansökan om tillträde: godkänd.", FirstLine(approved.TextBody));
        Assert.Contains($"{App.BaseUrl}cases/{id}", approved.TextBody);
        Assert.All(mails, m => Assert.DoesNotContain(Reason, m.TextBody));
    }

    [Fact]
    public async Task A_rejection_is_mailed_without_its_reason_and_a_point_intervention_s_decision_is_mailed_too()
    {
        var driver = await CaseDriver.StartAsync(App);
        var (rejectedId, rejected) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        await driver.CompleteOkAsync(driver.Coordinator, rejectedId, "admission-review", "reject", new { reason = Reason });

        var mail = Assert.Single(await DecisionMailsAsync(rejected));
        Assert.Equal("Samordnaren har fattat beslut om ansökan om tillträde: avslag.", FirstLine(mail.TextBody));
        Assert.DoesNotContain(Reason, mail.TextBody);
        Assert.DoesNotContain("1995", mail.TextBody);

        var (id, reference) = await driver.ApplyAndAdmitAsync(driver.Today);
        var submitted = await driver.SubmitPointInterventionAsync(id, "clothes", 800m, "Vinterkläder");
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        await driver.CompleteOkAsync(driver.Coordinator, id, "point-intervention-review", "approve");

        Assert.Contains(await DecisionMailsAsync(reference), m => FirstLine(m.TextBody) == "Samordnaren har fattat beslut om punktinsatsen: godkänd.");
    }

    private async Task<List<NspWorkflow.Data.Outbox.OutboxMail>> DecisionMailsAsync(string reference)
    {
        await using var db = App.CreateDbContext();
        var decisions = await db.OutboxMails.AsNoTracking().Where(m => m.Kind == "decision").ToListAsync();
        return [.. decisions.Where(m => m.TextBody.Contains(reference, StringComparison.Ordinal))];
    }

    private static string FirstLine(string body) => body.Split('\n')[0].TrimEnd('\r');
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Certification;

/// <summary>
/// A shelter not yet in the register, invited to certification on SQLite and PostgreSQL: the coordinator's invitation (and
/// its refused inputs), the mail with the link, the questionnaire answered through the link without an account, and the
/// admission to the register, whose certification then waits at the coordinator's review. Also the link's end: its last
/// day, a decline, a stale page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class InvitationTests(PostgresServer postgres)
{
    private const string Address = "kontakt@vastboende.example";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_invited_shelter_answers_through_the_link_and_the_coordinator_admits_it_to_the_register(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        using var coordinator = await app.SignInAsync("coordinator");

        // Nothing given: each field named, nothing stored, no mail.
        var empty = await InviteAsync(coordinator, "", "", "inte-en-adress");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var emptyPage = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Boendets namn måste anges.", emptyPage, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Region\">Välj region</a>", emptyPage, StringComparison.Ordinal);
        Assert.Contains("Boendets e-postadress är inte en giltig e-postadress.", emptyPage, StringComparison.Ordinal);
        // A shelter already in the register is started from the certification page instead.
        var known = await InviteAsync(coordinator, "Demoboende Nord", "Nord", Address);
        Assert.Contains("Demoboende Nord finns redan i registret", WebUtility.HtmlDecode(await known.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
            Assert.Equal(0, await db.CertificationInvitations.CountAsync());

        // The coordinator's client follows the redirect to the list, which confirms the invitation.
        var invited = await InviteAsync(coordinator, "Boendet Väst", "Vast", Address);
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var listed = await invited.Content.ReadAsStringAsync();
        Assert.Contains("Inbjudan till Boendet Väst har skickats till kontakt@vastboende.example. Länken gäller till och med 2026-03-31.",
            WebUtility.HtmlDecode(listed), StringComparison.Ordinal);

        // The mail to the shelter's address carries the link; the link alone opens the questionnaire, without an account.
        var link = await LinkAsync(driver);
        using var visitor = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/certification/invitation/" + new string('A', 43))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/certification/invitation/kort")).StatusCode);
        var form = await visitor.GetStringAsync(link);
        Assert.Contains("Boendet Väst", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Answers[0].Met\"", form, StringComparison.Ordinal);

        // A requirement unanswered and one not met without a comment: each named by its text; nothing stored.
        var incomplete = await AnswerAsync(visitor, link, DefaultRequirements.All.Where(r => r.Key != "barn").ToDictionary(r => r.Key, r => r.Key != "skydd"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await incomplete.Content.ReadAsStringAsync());
        Assert.Contains(DefaultRequirements.All.Single(r => r.Key == "barn").Text.TrimEnd('.'), refusedPage, StringComparison.Ordinal);
        Assert.Contains("href=\"#answer-skydd-comment\"", refusedPage, StringComparison.Ordinal);
        Assert.Equal("Invited", await StageAsync(app));

        var answered = await AnswerAsync(visitor, link, DefaultRequirements.All.ToDictionary(r => r.Key, _ => true));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Tack! Svaren har kommit in.", await visitor.GetStringAsync(link), StringComparison.Ordinal);
        Assert.Equal("Submitted", await StageAsync(app));
        // Sent once: the form is gone, and a second post changes nothing.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AnswerAsync(visitor, link, DefaultRequirements.All.ToDictionary(r => r.Key, _ => false), token: null)).StatusCode);
        var toCoordinator = (await driver.MailAsync()).Single(m => m.GetProperty("subject").GetString() == "Svar på inbjudan till certifiering: Boendet Väst");
        var review = Regex.Match(toCoordinator.GetProperty("text").GetString()!, @"/certification/invitations/[0-9a-f-]{36}").Value;

        // The coordinator reads the answers and admits the shelter; a stale page is told, once the first admission won.
        var reviewPage = await coordinator.GetStringAsync(review);
        Assert.Contains("Skyddat boende i Västra Götaland.", reviewPage, StringComparison.Ordinal);
        var version = Version(reviewPage);
        var admitted = await PostAsync(coordinator, review, "Admit", version);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        var certificationPath = admitted.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/certification/[0-9a-f-]{36}$", certificationPath);
        Assert.Contains("Skyddat boende i Västra Götaland.", await admitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stale = await PostAsync(coordinator, review, "Admit", version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Någon annan har ändrat inbjudan", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // In the register, not certified, taking whom it receives from its answers; its certification waits at the review.
        await using (var db = app.CreateDbContext())
        {
            var shelter = await db.Shelters.AsNoTracking().SingleAsync(s => s.Name == "Boendet Väst");
            Assert.Equal((Region.Vast, CertificationStatus.NotCertified, 4), (shelter.Region, shelter.CertificationStatus, shelter.Capacity.Places));
            Assert.Equal([Address], shelter.ContactEmails);
            var certification = await db.Certifications.AsNoTracking().SingleAsync(c => c.ShelterId == shelter.Id);
            Assert.Equal("Submitted", certification.Stage);
            Assert.Equal(["certification-review"], await db.WorkflowTasks.Where(t => t.BusinessKey == certification.Id.ToString() && t.CompletedAt == null)
                .Select(t => t.FormKey).ToListAsync());
        }

        Assert.Equal("Admitted", await StageAsync(app));
    }

    [Fact]
    public async Task The_link_ends_on_its_last_day_or_when_declined_and_only_the_coordinator_and_admin_invite()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        using var coordinator = await app.SignInAsync("coordinator");
        foreach (var user in new[] { "shelter-1", "reader" })
        {
            using var other = await app.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/certification/invitations")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await InviteAsync(coordinator, "Boendet Väst", "Vast", Address)).StatusCode);
        var link = await LinkAsync(driver);
        using var visitor = app.CreateClient();
        var page = await visitor.GetStringAsync(link);
        var token = NspApp.AntiforgeryToken(page);

        // The 30th day is the last (invited 2 March: to 31 March); the day after, the link says so and takes no answers.
        await driver.AdvanceDaysAsync(29);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(link)).StatusCode);
        await driver.AdvanceDaysAsync(1);
        var expired = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("Länken har gått ut.", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var late = await AnswerAsync(visitor, link, DefaultRequirements.All.ToDictionary(r => r.Key, _ => true), token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal("Invited", await StageAsync(app));

        // Declined: a reason is required; then the link opens nothing more.
        var review = "/certification/invitations/" + await IdAsync(app);
        Assert.Contains("Länken har gått ut", await coordinator.GetStringAsync(review), StringComparison.Ordinal);
        var noReason = await PostAsync(coordinator, review, "Decline", Version(await coordinator.GetStringAsync(review)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Skäl att avböja måste anges.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var declined = await PostAsync(coordinator, review, "Decline", Version(await coordinator.GetStringAsync(review)),
            new() { ["comment"] = "Boendet har inte svarat i tid." });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Contains("Boendet har inte svarat i tid.", await declined.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Declined", await StageAsync(app));
        Assert.Contains("Den här inbjudan gäller inte längre.", await (await visitor.GetAsync(link)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> InviteAsync(HttpClient coordinator, string name, string region, string email)
    {
        var token = NspApp.AntiforgeryToken(await coordinator.GetStringAsync("/certification/invitations"));
        return await coordinator.PostAsync("/certification/invitations", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.ShelterName"] = name, ["Input.Region"] = region, ["Input.ContactEmail"] = email,
        }));
    }

    /// <summary>The link of the last invitation mailed to <see cref="Address"/>, as a path.</summary>
    private static async Task<string> LinkAsync(CaseDriver driver)
    {
        var mail = (await driver.MailAsync()).Last(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == Address));
        Assert.Equal("Inbjudan till certifiering i det nationella stödprogrammet", mail.GetProperty("subject").GetString());
        return InvitationLink().Match(mail.GetProperty("text").GetString()!).Value;
    }

    /// <summary>The questionnaire posted through the link: every requirement in <paramref name="met"/> answered, a comment only where met.</summary>
    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient visitor, string link, Dictionary<string, bool> met, string? token = "fetch")
    {
        var antiforgery = token == "fetch" || token is null ? NspApp.AntiforgeryToken(await visitor.GetStringAsync(link)) : token;
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", antiforgery), new("Input.Profile", "Skyddat boende i Västra Götaland."), new("Input.Women", "true"),
            new("Input.Places", "4"), new("Input.ExploitationForms", "Sexual"),
        };
        var i = 0;
        foreach (var requirement in DefaultRequirements.All)
        {
            values.Add(new($"Input.Answers[{i}].Key", requirement.Key));
            if (met.TryGetValue(requirement.Key, out var isMet))
                values.Add(new($"Input.Answers[{i}].Met", isMet ? "true" : "false"));
            i++;
        }

        return await visitor.PostAsync(link, new FormUrlEncodedContent(values));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, string version, Dictionary<string, string>? values = null)
    {
        var form = new Dictionary<string, string>(values ?? []) { ["__RequestVerificationToken"] = NspApp.AntiforgeryToken(await client.GetStringAsync(path)), ["version"] = version };
        return await client.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(form));
    }

    private static string Version(string page) => Regex.Match(page, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value;

    private static async Task<string> StageAsync(NspApp app)
    {
        await using var db = app.CreateDbContext();
        return (await db.CertificationInvitations.SingleAsync()).Stage;
    }

    private static async Task<Guid> IdAsync(NspApp app)
    {
        await using var db = app.CreateDbContext();
        return (await db.CertificationInvitations.SingleAsync()).Id;
    }

    [GeneratedRegex(@"/certification/invitation/[A-Za-z0-9_-]{43}")]
    private static partial Regex InvitationLink();
}

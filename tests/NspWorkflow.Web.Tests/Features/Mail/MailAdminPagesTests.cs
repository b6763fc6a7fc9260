using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NspWorkflow.Data.Outbox;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Mail;

/// <summary>The administrator's mail pages in the real app, reached through the real sign-in.</summary>
[Collection(AppCollection.Name)]
public sealed class MailAdminPagesTests
{
    [Fact]
    public async Task The_list_shows_the_mail_and_the_detail_page_its_text()
    {
        await using var app = await NspApp.StartAsync();
        var id = await EnqueueAsync(app, "Ny uppgift NSP-2026-0101", "Öppna uppgiften: https://nsp.example/tasks/1");
        using var admin = await app.SignInAsync("admin");

        var list = await admin.GetStringAsync("/admin/mail");
        Assert.Contains("Ny uppgift NSP-2026-0101", list);
        Assert.Contains($"href=\"/admin/mail/{id}\"", list);
        Assert.Contains("samordnare@nsp.example", list);
        Assert.Contains("<th scope=\"col\">", list);

        var details = await admin.GetStringAsync($"/admin/mail/{id}");
        Assert.Contains("<pre class=\"mail\">Öppna uppgiften: https://nsp.example/tasks/1</pre>", details);
    }

    [Fact]
    public async Task Only_an_administrator_may_open_the_mail_pages()
    {
        await using var app = await NspApp.StartAsync();
        var id = await EnqueueAsync(app, "Påminnelse NSP-2026-0102", "Text");

        using var coordinator = await app.SignInAsync("coordinator");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/mail")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/admin/mail/{id}")).StatusCode);
        using var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/mail/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Send_again_delivers_a_failed_mail_to_the_pickup_folder()
    {
        await using var app = await NspApp.StartAsync();
        var id = await EnqueueAsync(app, "Beslut NSP-2026-0103", "Text");
        await using (var db = app.CreateDbContext())
        {
            await db.OutboxMails.Where(m => m.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxMailStatus.Failed)
                .SetProperty(m => m.Attempts, 10)
                .SetProperty(m => m.LastError, "SmtpCommandException 550 MailboxUnavailable"));
        }
        using var admin = await app.SignInAsync("admin");
        var page = await admin.GetStringAsync($"/admin/mail/{id}");
        Assert.Contains("Misslyckad", page);

        var response = await admin.PostAsync($"/admin/mail/{id}?handler=Resend",
            new FormUrlEncodedContent([new("__RequestVerificationToken", NspApp.AntiforgeryToken(page))]));

        response.EnsureSuccessStatusCode();
        Assert.Contains("E-posten skickas igen.", await response.Content.ReadAsStringAsync());
        // The page queued a send: the mail reaches the pickup folder without waiting for the minute's sweep.
        var delivered = await WaitForAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return (await db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id)).Status == OutboxMailStatus.Sent;
        });
        Assert.True(delivered, "The mail was not sent again within 20 seconds.");
        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "mail"), "*.eml"));
        Assert.Equal("Beslut NSP-2026-0103", (await MimeMessage.LoadAsync(file)).Subject);
    }

    [Fact]
    public async Task Send_again_without_the_antiforgery_token_is_refused()
    {
        await using var app = await NspApp.StartAsync();
        var id = await EnqueueAsync(app, "Beslut NSP-2026-0104", "Text");
        using var admin = await app.SignInAsync("admin");

        var response = await admin.PostAsync($"/admin/mail/{id}?handler=Resend", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<Guid> EnqueueAsync(NspApp app, string subject, string body)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = scope.ServiceProvider.GetRequiredService<IMailOutbox>()
            .Enqueue(new OutboxMailDraft(["samordnare@nsp.example"], subject, body, "task"));
        await scope.ServiceProvider.GetRequiredService<NspWorkflow.Data.NspDbContext>().SaveChangesAsync();
        return id;
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (await condition())
                return true;
        }
        return false;
    }
}

using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NspWorkflow.Data;
using NspWorkflow.Data.Outbox;
using NspWorkflow.Web.BackgroundJobs;
using NspWorkflow.Web.Mail;
using Xunit;

namespace NspWorkflow.Web.Tests.Mail;

/// <summary>The administrator's mail pages in the real app host, signed in through a test scheme.</summary>
// Hangfire keeps its storage in static state: hosts that start it must not run in parallel.
[Collection(MailWebHostCollection.Name)]
public sealed class MailAdminPagesTests : IClassFixture<MailAdminPagesTests.Host>
{
    private readonly Host host;

    public MailAdminPagesTests(Host host) => this.host = host;

    [Fact]
    public async Task The_list_shows_the_mail_and_the_detail_page_its_text()
    {
        var id = await host.EnqueueAsync("Ny uppgift NSP-2026-0101", "Öppna uppgiften: https://nsp.example/tasks/1");
        var client = host.ClientFor("admin");

        var list = await client.GetStringAsync("/admin/mail");
        Assert.Contains("Ny uppgift NSP-2026-0101", list);
        Assert.Contains($"href=\"/admin/mail/{id}\"", list);
        Assert.Contains("samordnare@nsp.example", list);
        Assert.Contains("<th scope=\"col\">", list);

        var details = await client.GetStringAsync($"/admin/mail/{id}");
        Assert.Contains("<pre class=\"mail\">Öppna uppgiften: https://nsp.example/tasks/1</pre>", details);
        Assert.Contains("Skicka igen", details);
    }

    [Fact]
    public async Task Only_an_administrator_may_open_the_mail_pages()
    {
        var id = await host.EnqueueAsync("Påminnelse NSP-2026-0102", "Text");

        var coordinator = host.ClientFor("coordinator");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/mail")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/admin/mail/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.ClientFor("admin").GetAsync($"/admin/mail/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Send_again_makes_a_failed_mail_due_and_kicks_the_sender()
    {
        var id = await host.EnqueueAsync("Beslut NSP-2026-0103", "Text");
        await host.WithDbAsync(db => db.OutboxMails.Where(m => m.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxMailStatus.Failed)
            .SetProperty(m => m.Attempts, 10)
            .SetProperty(m => m.LastError, "SmtpCommandException 550 MailboxUnavailable")));
        var client = host.ClientFor("admin");
        var page = await client.GetStringAsync($"/admin/mail/{id}");
        Assert.Contains("Misslyckad", page);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var kicksBefore = host.Kicks;

        var response = await client.PostAsync($"/admin/mail/{id}?handler=Resend",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await host.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(OutboxMailStatus.Pending, row.Status);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(kicksBefore + 1, host.Kicks);
        Assert.Contains("E-posten skickas igen.", await client.GetStringAsync(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Send_again_without_the_antiforgery_token_is_refused()
    {
        var id = await host.EnqueueAsync("Beslut NSP-2026-0104", "Text");

        var response = await host.ClientFor("admin").PostAsync($"/admin/mail/{id}?handler=Resend", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public sealed class Host : WebApplicationFactory<Program>
    {
        private readonly string dataPath = Path.Combine(Path.GetTempPath(), "nsp-mail-web-" + Guid.NewGuid().ToString("N"));
        private readonly CountingKick kick = new();

        public int Kicks => kick.Count;

        public HttpClient ClientFor(string role)
        {
            var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(TestAuthentication.RoleHeader, role);
            return client;
        }

        public async Task<Guid> EnqueueAsync(string subject, string body)
        {
            await using var scope = Services.CreateAsyncScope();
            var id = scope.ServiceProvider.GetRequiredService<IMailOutbox>()
                .Enqueue(new OutboxMailDraft(["samordnare@nsp.example"], subject, body, "task"));
            await scope.ServiceProvider.GetRequiredService<NspDbContext>().SaveChangesAsync();
            return id;
        }

        public async Task<T> WithDbAsync<T>(Func<NspDbContext, Task<T>> action)
        {
            await using var scope = Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<NspDbContext>());
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Data:Path", dataPath);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            builder.ConfigureTestServices(services =>
            {
                // No background sweep: the test sees the state the page left, not what a sender made of it since.
                services.RemoveAll<IRecurringJobDefinition>();
                services.RemoveAll<IMailKick>();
                services.AddSingleton<IMailKick>(kick);
                services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, null);
                services.PostConfigure<AuthenticationOptions>(options =>
                {
                    options.DefaultScheme = TestAuthentication.SchemeName;
                    options.DefaultAuthenticateScheme = TestAuthentication.SchemeName;
                    options.DefaultChallengeScheme = TestAuthentication.SchemeName;
                    options.DefaultForbidScheme = TestAuthentication.SchemeName;
                });
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is no reason to fail a test.
            }
        }
    }

    private sealed class CountingKick : IMailKick
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Kick() => Interlocked.Increment(ref count);
    }

    /// <summary>Signs a request in with the role its header names; no header, no user.</summary>
    private sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Test";
        public const string RoleHeader = "X-Test-Role";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(RoleHeader, out var role))
                return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity(
                [new Claim("sub", "test-" + role), new Claim("name", "Test " + role), new Claim("role", role.ToString())],
                SchemeName, "name", "role");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MailWebHostCollection
{
    public const string Name = "Mail web host";
}

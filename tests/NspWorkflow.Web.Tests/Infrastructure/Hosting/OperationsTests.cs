using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Infrastructure.Hosting;

[Collection(AppCollection.Name)]
public sealed class OperationsTests
{
    [Fact]
    public async Task Health_reports_the_database_and_hangfire_without_sign_in()
    {
        await using var app = await NspApp.StartAsync();

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_503_when_the_database_cannot_be_reached()
    {
        await using var app = await NspApp.StartAsync();
        // The database file's folder disappears under the running app: the check must notice, not hang.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(app.DataPath, "nsp.db"));
        Directory.CreateDirectory(Path.Combine(app.DataPath, "nsp.db"));

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        await using var app = await NspApp.StartAsync();

        var response = await app.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        await using var app = await NspApp.StartAsync();
        using var client = await app.SignInAsync("coordinator");

        var response = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/inbox")).StatusCode);
    }

    [Fact]
    public async Task The_language_switch_turns_the_pages_into_english_and_back()
    {
        await using var app = await NspApp.StartAsync();
        using var client = app.CreateClient(followRedirects: true);
        var swedish = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"sv\">", swedish);
        Assert.Contains("Logga in", swedish);

        var english = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = NspApp.AntiforgeryToken(swedish), ["culture"] = "en", ["returnUrl"] = "/",
        }));
        var englishHtml = await english.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", englishHtml);
        Assert.Contains("Sign in", englishHtml);
    }

    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_without_an_organisation_provider()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await NspApp.StartAsync(environment: "Production");
        });
        Assert.Contains("Authentication:Oidc:Authority", error.ToString());
    }

    [Fact]
    public async Task Outside_development_plain_http_is_redirected_to_https_and_no_demo_sign_in_exists()
    {
        // A development instance plays the organisation's provider for the production one.
        await using var provider = await NspApp.StartAsync();
        await using var app = await NspApp.StartAsync(environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = provider.BaseUrl.AbsoluteUri,
            ["Authentication:Oidc:ClientSecret"] = "not-used-here",
            ["https_port"] = "443",
        });

        var response = await app.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location!.Scheme);
        var devSignIn = await app.CreateClient().GetAsync("/dev/sign-in");
        Assert.NotEqual(HttpStatusCode.OK, devSignIn.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        await using var app = await NspApp.StartAsync();

        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/me", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/shelters", out _));
    }
}

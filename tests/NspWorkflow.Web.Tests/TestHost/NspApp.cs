using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Infrastructure.Development;
using OpenIddict.Server;

namespace NspWorkflow.Web.Tests.TestHost;

/// <summary>
/// The whole app on a real Kestrel port, as a user reaches it: its own data folder, the chosen database,
/// the development sign-in provider, Hangfire, and a clock the test can move.
/// </summary>
public sealed partial class NspApp : IEngineHost, IAsyncDisposable
{
    private static readonly Lazy<DevelopmentProviderKeys> ProviderKeys = new(DevelopmentProviderKeys.Create);

    private readonly WebApplicationFactory<Program> _factory;

    private NspApp(WebApplicationFactory<Program> factory, Uri baseUrl, string dataPath, FakeTimeProvider clock)
    {
        _factory = factory;
        BaseUrl = baseUrl;
        DataPath = dataPath;
        Clock = clock;
    }

    public Uri BaseUrl { get; }
    public string DataPath { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// Starts the app on SQLite (the embedded default) or on the given provider and connection string.
    /// <paramref name="replaceServices"/> may replace a service, only to produce a fault no real component can be made to.
    /// </summary>
    public static Task<NspApp> StartAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        string? connectionString = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        string environment = "Development",
        Action<IServiceCollection>? replaceServices = null)
    {
        var port = FreePort.Next();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var dataPath = Directory.CreateTempSubdirectory("nsp-app-").FullName;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("urls", baseUrl.AbsoluteUri.TrimEnd('/'));
            builder.UseSetting("App:PublicUrl", baseUrl.AbsoluteUri);
            builder.UseSetting("Data:Path", dataPath);
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("Database:Migrate", "true");
            builder.UseSetting("ConnectionStrings:Nsp", connectionString ?? "");
            builder.UseSetting("Hangfire:PollSeconds", "1");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                builder.UseSetting(key, value);
            builder.ConfigureTestServices(services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
                // POST /api/dev/clock moves the test's clock, as it moves the development clock in the app.
                services.Replace(ServiceDescriptor.Singleton<IAdjustableClock>(new FakeClockAdapter(clock)));
                // The development provider makes two RSA keys at each start, and making them took 2–3 s of every app's
                // first request on CI; the tests' apps share one pair made once (the provider is the same code otherwise).
                services.Configure<OpenIddictServerOptions>(options =>
                {
                    options.SigningCredentials.Clear();
                    options.SigningCredentials.Add(ProviderKeys.Value.Signing);
                    options.EncryptionCredentials.Clear();
                    options.EncryptionCredentials.Add(ProviderKeys.Value.Encryption);
                });
            });
            if (replaceServices is not null)
                builder.ConfigureTestServices(replaceServices);
        });
        factory.UseKestrel();
        factory.StartServer();
        return Task.FromResult(new NspApp(factory, baseUrl, dataPath, clock));
    }

    /// <summary>An anonymous client that does not follow redirects, to see exactly what the app answers.</summary>
    public HttpClient CreateClient(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseUrl,
        };

    /// <summary>
    /// Signs in as a demo user through the real OpenID Connect code flow over HTTP (app -> provider -> sign-in
    /// page -> code -> app) and returns a client holding the session cookie.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string demoUserId)
    {
        var client = CreateClient(followRedirects: true);
        var signInPage = await client.GetAsync("/account/sign-in?returnUrl=%2F");
        signInPage.EnsureSuccessStatusCode();
        Assert.Equal("/dev/sign-in", signInPage.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await signInPage.Content.ReadAsStringAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
            ["returnUrl"] = WebUtility.HtmlDecode(Regex.Match(html, "name=\"returnUrl\" value=\"(/connect/[^\"]*)\"").Groups[1].Value),
            ["userId"] = demoUserId,
        });
        var landed = await client.PostAsync(signInPage.RequestMessage.RequestUri, form);
        landed.EnsureSuccessStatusCode();
        Assert.Equal(BaseUrl.AbsoluteUri, landed.RequestMessage!.RequestUri!.AbsoluteUri);
        return client;
    }

    /// <summary>An API client with an access token from the client-credentials flow of a demo client.</summary>
    public async Task<HttpClient> ApiClientAsync(string clientId)
    {
        var client = CreateClient();
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientId + "-secret",
            ["scope"] = "nsp-api",
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The antiforgery token of the first form on a page that carries one.</summary>
    public static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(AntiforgeryPattern().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The page has no antiforgery token."));

    /// <summary>Chooses English in the layout's language form, as a signed-in user does; the choice is a cookie of the client.</summary>
    public static async Task ChooseEnglishAsync(HttpClient client)
    {
        var home = await client.GetStringAsync("/");
        var chosen = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(home), ["culture"] = "en", ["returnUrl"] = "/",
        }));
        // The form redirects back to returnUrl; a client that does not follow redirects sees the 302.
        if ((int)chosen.StatusCode >= 400)
            throw new InvalidOperationException($"Choosing English answered {(int)chosen.StatusCode}.");
    }

    public NspDbContext CreateDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<NspDbContext>();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        // A stopped app's pooled connections (EF's and Hangfire's) would stay open for minutes and, over a suite
        // of many apps, exhaust the server's connection limit. Apps run one at a time, so all pools can go.
        Npgsql.NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(DataPath, recursive: true); }
        catch (IOException) { /* SQLite may still hold the file for a moment; the temp folder is cleaned later. */ }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}

using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NspWorkflow.ScaleBench;

/// <summary>
/// The whole app on a Kestrel port of this machine, as the web tests start it: the Development environment (for the
/// development sign-in), the given database, its own data folder (the Data Protection keys that encrypt the case files).
/// Hangfire runs as in the app.
/// </summary>
public sealed partial class ScaleHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    private ScaleHost(WebApplicationFactory<Program> factory, Uri baseUrl, string dataPath)
    {
        this.factory = factory;
        BaseUrl = baseUrl;
        DataPath = dataPath;
    }

    public Uri BaseUrl { get; }
    public string DataPath { get; }
    public IServiceProvider Services => factory.Services;

    public static ScaleHost Start(string provider, string connectionString)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var dataPath = Directory.CreateTempSubdirectory("nsp-scale-").FullName;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseContentRoot(WebProjectFolder());
            builder.UseSetting("urls", baseUrl.AbsoluteUri.TrimEnd('/'));
            builder.UseSetting("App:PublicUrl", baseUrl.AbsoluteUri);
            builder.UseSetting("Data:Path", dataPath);
            builder.UseSetting("Database:Provider", provider == "sqlite" ? "Sqlite" : "PostgreSql");
            builder.UseSetting("Database:Migrate", "true");
            builder.UseSetting("ConnectionStrings:Nsp", connectionString);
            // Request logs at Information would time the console, not the page.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        factory.UseKestrel();
        factory.StartServer();
        return new ScaleHost(factory, baseUrl, dataPath);
    }

    /// <summary>
    /// Signs in as a demo user through the development provider's OpenID Connect code flow over HTTP, as a browser does,
    /// and returns a client holding the session cookie.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string demoUserId, CancellationToken cancellationToken)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseUrl,
        };
        var signInPage = await client.GetAsync("/account/sign-in?returnUrl=%2F", cancellationToken);
        signInPage.EnsureSuccessStatusCode();
        var html = await signInPage.Content.ReadAsStringAsync(cancellationToken);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryPattern().Match(html).Groups[1].Value),
            ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrlPattern().Match(html).Groups[1].Value),
            ["userId"] = demoUserId,
        });
        var landed = await client.PostAsync(signInPage.RequestMessage!.RequestUri, form, cancellationToken);
        landed.EnsureSuccessStatusCode();
        if (landed.RequestMessage!.RequestUri!.AbsolutePath != "/")
            throw new InvalidOperationException($"Signing in as {demoUserId} ended at {landed.RequestMessage.RequestUri}.");
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        try { Directory.Delete(DataPath, recursive: true); }
        catch (IOException) { /* SQLite may still hold a file for a moment; the temp folder is cleaned later. */ }
    }

    /// <summary>The app's project folder (its views' resources and front end), found up from this program's folder.</summary>
    private static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NspWorkflow.sln")))
                return Path.Combine(folder.FullName, "src", "NspWorkflow.Web");
        }
        throw new InvalidOperationException("Run the benchmark from the repository: NspWorkflow.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    [GeneratedRegex("name=\"returnUrl\" value=\"(/connect/[^\"]*)\"")]
    private static partial Regex ReturnUrlPattern();
}

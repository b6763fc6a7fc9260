namespace NspWorkflow.Web.Infrastructure.Hosting;

/// <summary>Where the app keeps its files and how it is reached from outside.</summary>
public sealed class AppOptions
{
    /// <summary>
    /// The folder for the embedded database, mail files and keys (<c>Data:Path</c>); relative paths are
    /// taken from the content root.
    /// </summary>
    public required string DataPath { get; init; }

    /// <summary>
    /// The address users reach the app at (<c>App:PublicUrl</c>), for links in mail and as the issuer of the
    /// development sign-in provider. Defaults to the first address the app listens on.
    /// </summary>
    public required Uri PublicUrl { get; init; }

    public static AppOptions FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var dataPath = Path.GetFullPath(configuration["Data:Path"] ?? "data", environment.ContentRootPath);
        Directory.CreateDirectory(dataPath);
        return new AppOptions { DataPath = dataPath, PublicUrl = ResolvePublicUrl(configuration) };
    }

    private static Uri ResolvePublicUrl(IConfiguration configuration)
    {
        var configured = configuration["App:PublicUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
            return EnsureTrailingSlash(new Uri(configured, UriKind.Absolute));

        var listening = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5080")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .OrderBy(url => url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .First();
        // A wildcard binding is no address a browser can use.
        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
            listening = listening.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return EnsureTrailingSlash(new Uri(listening, UriKind.Absolute));
    }

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

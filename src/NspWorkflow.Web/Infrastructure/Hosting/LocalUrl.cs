namespace NspWorkflow.Web.Infrastructure.Hosting;

public static class LocalUrl
{
    /// <summary>Whether <paramref name="url"/> stays on this site, so redirecting to it cannot send a user elsewhere.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

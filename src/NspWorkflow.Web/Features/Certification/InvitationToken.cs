using System.Security.Cryptography;
using System.Text;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// The secret in an invitation's link: 32 random bytes, URL-safe. The database keeps only its SHA-256, so the link is the
/// one key to the questionnaire, and a leaked copy of the database opens none.
/// </summary>
public static class InvitationToken
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> could be one of ours, so a guess of another shape costs no query.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

using MimeKit;

namespace NspWorkflow.Web.Features.Mail;

internal static class MailAddresses
{
    /// <summary>
    /// MimeKit also accepts a bare local part ("nobody"), which no SMTP server can deliver; require a domain.
    /// </summary>
    public static bool HasDomain(MailboxAddress address) =>
        address.Address.IndexOf('@') is > 0 and var at && at < address.Address.Length - 1;

    public static bool IsValid(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && text.IndexOfAny(['\r', '\n']) < 0
        && MailboxAddress.TryParse(text, out var address)
        && HasDomain(address);
}

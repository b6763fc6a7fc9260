using MailKit.Security;
using MimeKit;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Mail;

/// <summary><c>Mail:*</c>: the sender address, the SMTP server (or none: mail goes to files) and the retry limit.</summary>
public sealed record MailOptions
{
    public const string DefaultFrom = "NSP Workflow <no-reply@nsp.example>";

    public string From { get; init; } = DefaultFrom;

    public SmtpOptions Smtp { get; init; } = new();

    /// <summary>Where mail is written as <c>.eml</c> files when no SMTP host is set (the embedded default).</summary>
    public required string PickupDirectory { get; init; }

    /// <summary>Attempts before a mail is marked failed (kept; an administrator can send it again).</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>Mails one sweep claims at a time.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>
    /// How long a sender's claim on its batch holds by the database's clock without being renewed. The sender renews it
    /// every quarter of this while it works, so after a crash its mail is taken up again within about this time.
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(2);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public static MailOptions FromConfiguration(IConfiguration configuration, AppOptions app)
    {
        var section = configuration.GetSection("Mail");
        var from = NullIfEmpty(section["From"]) ?? DefaultFrom;
        if (!MailboxAddress.TryParse(from, out var fromAddress) || !MailAddresses.HasDomain(fromAddress))
            throw new InvalidOperationException("Mail:From is not a valid e-mail address.");

        var securityText = NullIfEmpty(section["Smtp:Security"]);
        var security = SecureSocketOptions.StartTlsWhenAvailable;
        if (securityText is not null && !Enum.TryParse(securityText, ignoreCase: true, out security))
            throw new InvalidOperationException(
                $"Mail:Smtp:Security '{securityText}' is not supported. Use one of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}.");

        var port = section.GetValue("Smtp:Port", 587);
        if (port is < 1 or > 65535)
            throw new InvalidOperationException("Mail:Smtp:Port must be between 1 and 65535.");
        var maxAttempts = section.GetValue("MaxAttempts", 10);
        if (maxAttempts < 1)
            throw new InvalidOperationException("Mail:MaxAttempts must be at least 1.");
        var batchSize = section.GetValue("BatchSize", 50);
        if (batchSize < 1)
            throw new InvalidOperationException("Mail:BatchSize must be at least 1.");
        var leaseSeconds = section.GetValue("ClaimLeaseSeconds", 120);
        if (leaseSeconds < 2)
            throw new InvalidOperationException("Mail:ClaimLeaseSeconds must be at least 2.");

        return new MailOptions
        {
            From = from,
            Smtp = new SmtpOptions
            {
                Host = NullIfEmpty(section["Smtp:Host"]) ?? "",
                Port = port,
                Security = security,
                Username = NullIfEmpty(section["Smtp:Username"]),
                Password = NullIfEmpty(section["Smtp:Password"]),
            },
            PickupDirectory = Path.GetFullPath(NullIfEmpty(section["PickupDirectory"]) ?? "mail", app.DataPath),
            MaxAttempts = maxAttempts,
            BatchSize = batchSize,
            ClaimLease = TimeSpan.FromSeconds(leaseSeconds),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>
/// <c>Mail:Smtp:*</c>. A class rather than a record: a record's generated ToString would print the password
/// wherever the options are logged.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>Empty: no SMTP server; mail goes to the pickup directory.</summary>
    public string Host { get; init; } = "";

    public int Port { get; init; } = 587;
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? Username { get; init; }
    public string? Password { get; init; }

    /// <summary>Per network operation, so a hanging server cannot hold a sweep (and its claims) for long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

using System.Text.RegularExpressions;
using MailKit.Net.Smtp;

namespace NspWorkflow.Web.Features.Mail;

/// <summary>What a delivery failure may say about itself: the exception type and the SMTP status, never content.</summary>
internal static partial class MailErrors
{
    private const int MaxLength = 2000;

    /// <summary>For the outbox row's LastError; addresses a server echoes back ("5.1.1 &lt;x@y&gt; unknown") are masked.</summary>
    public static string Describe(Exception exception)
    {
        var text = exception switch
        {
            SmtpCommandException command => $"{Kind(exception)} {command.ErrorCode}: {command.Message}",
            _ => $"{Kind(exception)}: {exception.Message}",
        };
        text = Address().Replace(text, "<address>");
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    /// <summary>For logs: the type and SMTP status code only.</summary>
    public static string Kind(Exception exception) => exception switch
    {
        SmtpCommandException command => $"{exception.GetType().Name} {(int)command.StatusCode}",
        _ => exception.GetType().Name,
    };

    [GeneratedRegex(@"[^\s<>""'()\[\],;:]+@[^\s<>""'()\[\],;:]+")]
    private static partial Regex Address();
}

namespace NspWorkflow.Web.Features.Mail;

/// <summary>The outbox's log lines: ids, counts and error kinds only, never addresses, subjects or bodies.</summary>
internal static partial class MailLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Mail outbox sweep: {Sent} sent, {Retrying} to retry, {Failed} given up")]
    public static partial void Swept(ILogger logger, int sent, int retrying, int failed);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Outbox mail {MailId} attempt {Attempt} failed ({ErrorKind}); next attempt at {NextAttemptAt:O}")]
    public static partial void WillRetry(ILogger logger, Guid mailId, int attempt, string errorKind, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Outbox mail {MailId} failed after {Attempt} attempts ({ErrorKind}); kept for an administrator to send again")]
    public static partial void GaveUp(ILogger logger, Guid mailId, int attempt, string errorKind);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Outbox mail {MailId}: the claim had expired and another sender took it over; result not recorded")]
    public static partial void ClaimLost(ILogger logger, Guid mailId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Outbox mail {MailId} taken over: the sender that claimed it stopped renewing its claim (a crash?) and may have delivered it; if so the receiver gets it twice with the same Message-Id")]
    public static partial void TakenOver(ILogger logger, Guid mailId);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Mail outbox: the claim could not be renewed ({ErrorKind})")]
    public static partial void RenewalFailed(ILogger logger, string errorKind);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Error, Message = "Mail outbox: the claim could not be renewed in time; {Count} mail(s) left to whoever claims them next, mail {MailId} perhaps delivered")]
    public static partial void LeaseLost(ILogger logger, int count, Guid? mailId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Mail outbox: {Count} claimed mail(s) released unsent ({Reason})")]
    public static partial void Released(ILogger logger, int count, string reason);
}

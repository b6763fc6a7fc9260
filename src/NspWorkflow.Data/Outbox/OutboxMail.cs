namespace NspWorkflow.Data.Outbox;

/// <summary>
/// One mail waiting to go out, or gone. Mail is written here in the same transaction as the change that
/// causes it, and a background job delivers it, so no mail is lost and none is sent for a rolled-back change.
/// Mail carries no personal data: a subject, the kind of task, a pseudonymous case reference and a link.
/// </summary>
public sealed class OutboxMail
{
    public Guid Id { get; set; }

    /// <summary>Recipient addresses.</summary>
    public List<string> To { get; set; } = [];

    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";

    /// <summary>What the mail is about, e.g. <c>task</c> or <c>reminder</c>; for the administrator's list.</summary>
    public string Kind { get; set; } = "";

    public OutboxMailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not to be tried before this time: the backoff after a failure.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The last delivery error (SMTP status and text; never the message content).</summary>
    public string? LastError { get; set; }

    /// <summary>Set while one sender works on the mail, so two app nodes never send it twice.</summary>
    public Guid? ClaimToken { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}

public enum OutboxMailStatus
{
    Pending,
    Sent,

    /// <summary>Gave up after the maximum number of attempts; kept, and an administrator can send it again.</summary>
    Failed,
}

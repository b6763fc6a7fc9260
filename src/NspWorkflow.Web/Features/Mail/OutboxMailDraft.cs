namespace NspWorkflow.Web.Features.Mail;

/// <summary>
/// A mail to send. No personal data: a subject, the kind of task, a pseudonymous case reference and a link.
/// </summary>
/// <param name="To">Recipient addresses (at least one).</param>
/// <param name="Subject">One line.</param>
/// <param name="TextBody">Plain text.</param>
/// <param name="Kind">What the mail is about, e.g. <c>task</c> or <c>reminder</c>; shown in the administrator's list.</param>
public sealed record OutboxMailDraft(IReadOnlyList<string> To, string Subject, string TextBody, string Kind);

using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Outbox;

namespace NspWorkflow.Web.Features.Mail;

internal sealed class MailOutbox(NspDbContext db, TimeProvider time) : IMailOutbox
{
    // The column sizes of OutboxMailConfiguration; checked here so the caller gets the field's name, not a database error.
    private const int MaxSubjectLength = 300;
    private const int MaxKindLength = 50;
    private const int MaxRecipientsLength = 2600;

    public Guid Enqueue(OutboxMailDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Validate(draft);

        var now = time.GetUtcNow();
        var mail = new OutboxMail
        {
            // Version 7: ids sort by creation, which keeps the outbox index and the file names in order.
            Id = Guid.CreateVersion7(now),
            To = draft.To.Select(address => address.Trim()).ToList(),
            Subject = draft.Subject,
            TextBody = draft.TextBody,
            Kind = draft.Kind,
            Status = OutboxMailStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMails.Add(mail);
        return mail.Id;
    }

    public async Task<bool> ResendAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The claim is left alone: a sender working on the mail right now finishes, and nobody else takes it meanwhile.
        var updated = await db.OutboxMails
            .Where(m => m.Id == id && m.Status != OutboxMailStatus.Sent)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxMailStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        return updated == 1;
    }

    // Messages name the field only: the values may be personal data.
    private static void Validate(OutboxMailDraft draft)
    {
        if (draft.To is null || draft.To.Count == 0)
            throw new ArgumentException("At least one recipient is required.", nameof(OutboxMailDraft.To));
        if (!draft.To.All(MailAddresses.IsValid))
            throw new ArgumentException("A recipient is not a valid e-mail address.", nameof(OutboxMailDraft.To));
        if (draft.To.Sum(address => address.Trim().Length + 1) > MaxRecipientsLength)
            throw new ArgumentException("The recipients are too long together.", nameof(OutboxMailDraft.To));
        if (string.IsNullOrWhiteSpace(draft.Subject))
            throw new ArgumentException("A subject is required.", nameof(OutboxMailDraft.Subject));
        if (draft.Subject.Length > MaxSubjectLength || draft.Subject.IndexOfAny(['\r', '\n']) >= 0)
            throw new ArgumentException($"The subject must be one line of at most {MaxSubjectLength} characters.", nameof(OutboxMailDraft.Subject));
        if (draft.TextBody is null)
            throw new ArgumentException("A text body is required.", nameof(OutboxMailDraft.TextBody));
        if (string.IsNullOrWhiteSpace(draft.Kind) || draft.Kind.Length > MaxKindLength)
            throw new ArgumentException($"A kind of at most {MaxKindLength} characters is required.", nameof(OutboxMailDraft.Kind));
    }
}

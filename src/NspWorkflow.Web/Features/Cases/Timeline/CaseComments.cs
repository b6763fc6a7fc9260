using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Cases;
using NspWorkflow.Domain;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Cases.Timeline;

/// <summary>A comment as the timeline shows it: the text decrypted.</summary>
public sealed record CaseComment(Guid Id, DateTimeOffset At, string Author, string AuthorRole, string Text);

/// <summary>
/// Comments on a case by the coordinator and the case's own shelter, for the case page and the API alike. The text is
/// encrypted like the case file (it may name the person) and goes nowhere else: not into mail, the audit log or logs.
/// To whoever may not read the case it does not exist; whoever may read it but not comment (an administrator) is refused.
/// </summary>
public sealed class CaseComments(NspDbContext db, CaseWorkspace workspace, IDataProtectionProvider protection, TimeProvider time)
{
    public const int MaxLength = 4000;

    private readonly IDataProtector protector = protection.CreateProtector("NspWorkflow.Cases.CaseComment.v1");

    public static bool MayComment(ClaimsPrincipal user, Guid shelterId) =>
        CaseAccess.IsShelterOf(user, shelterId) || user.IsInRole(Roles.Coordinator);

    /// <summary>Adds the comment and its audit entry (which names no text) in one save.</summary>
    public async Task<CaseActionOutcome> AddAsync(Guid caseId, string? text, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var found = await workspace.LoadAsync(caseId, cancellationToken);
        if (found is null || !CaseAccess.CanRead(user, found))
            return new CaseActionOutcome.NotFound();
        if (!MayComment(user, found.ShelterId))
            return new CaseActionOutcome.Forbidden();
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            return new CaseActionOutcome.Refused([new("text", RuleViolationCode.Required)]);
        if (trimmed.Length > MaxLength)
            return new CaseActionOutcome.Refused([new("text", RuleViolationCode.TooLong, MaxLength)]);

        var now = time.GetUtcNow();
        var actor = CaseAccess.Actor(user);
        var row = new CaseCommentRow
        {
            Id = Guid.CreateVersion7(now), CaseId = caseId, At = now,
            Author = actor.Length > CaseCommentRow.MaxAuthorLength ? actor[..CaseCommentRow.MaxAuthorLength] : actor,
            AuthorRole = CaseAccess.IsShelterOf(user, found.ShelterId) ? Roles.Shelter : Roles.Coordinator,
            ProtectedText = protector.Protect(trimmed),
        };
        db.CaseComments.Add(row);
        workspace.Audit(actor, "case.comment", found);
        await workspace.SaveAsync(cancellationToken);
        return new CaseActionOutcome.Done(row.Id);
    }

    /// <summary>The case's comments, oldest first (one seek on the case's index). The caller has checked the reader may read the case.</summary>
    public async Task<IReadOnlyList<CaseComment>> ListAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var rows = await db.CaseComments.AsNoTracking().Where(c => c.CaseId == caseId).OrderBy(c => c.At).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CaseComment(r.Id, r.At, r.Author, r.AuthorRole, protector.Unprotect(r.ProtectedText)))];
    }
}

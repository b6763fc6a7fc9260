using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Certification;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Shelters;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Certification;

public abstract record InvitationResult
{
    private InvitationResult() { }

    public sealed record Done(Guid Id) : InvitationResult;

    public sealed record NotFound : InvitationResult;

    /// <summary>Someone else changed the invitation since the page was shown (answered, admitted or declined it).</summary>
    public sealed record Conflict : InvitationResult;

    public sealed record Refused(IReadOnlyList<RuleViolation> Violations) : InvitationResult;
}

/// <summary>
/// Invitations to certification for shelters not yet in the register: the coordinator invites (a mail with the link), the
/// shelter answers the questionnaire through the link without an account, and the coordinator admits it to the register,
/// which starts its certification at the review, or declines. Each change is checked against the version the page showed.
/// </summary>
public sealed class CertificationInvitations(NspDbContext db, RequirementCatalogs catalogs, WorkflowEngine engine, InvitationMail mail, TimeProvider time)
{
    /// <summary>Invites a shelter and mails it the link; <see cref="InvitationResult.Done"/> carries the invitation's id.</summary>
    public async Task<InvitationResult> InviteAsync(string? shelterName, Region region, string? contactEmail, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        CertificationInvitation invitation;
        try
        {
            invitation = CertificationInvitation.Create(Guid.NewGuid(), shelterName ?? "", region, contactEmail ?? "", SwedishCalendar.Today(time));
        }
        catch (RuleViolationException e)
        {
            return new InvitationResult.Refused(e.Violations);
        }

        if (await InRegisterAsync(invitation.ShelterName, cancellationToken))
            return new InvitationResult.Refused([new(nameof(CertificationInvitation.ShelterName), RuleViolationCode.Duplicate, invitation.ShelterName)]);

        var token = InvitationToken.New();
        var row = new CertificationInvitationRow { TokenHash = InvitationToken.HashOf(token), InvitedBy = AuditEntry.FitActor(actor) };
        InvitationDocument.Write(invitation, row, now);
        db.CertificationInvitations.Add(row);
        db.AuditEntries.Add(AuditEntry.Create(now, actor, "certification.invited", invitation.ShelterName));
        mail.Invitation(invitation, token);
        await db.SaveChangesAsync(cancellationToken);
        mail.Kick();
        return new InvitationResult.Done(invitation.Id);
    }

    /// <summary>The invitation the link's token opens (tracked), with the requirements it is answered against; null for none.</summary>
    public async Task<(CertificationInvitationRow Row, CertificationInvitation Invitation, RequirementCatalog Requirements)?> OpenAsync(
        string? token, CancellationToken cancellationToken)
    {
        if (!InvitationToken.IsWellFormed(token))
            return null;
        var hash = InvitationToken.HashOf(token!);
        var row = await db.CertificationInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return row is null ? null : (row, InvitationDocument.Read(row), await catalogs.ForYearAsync(row.RequirementsYear, cancellationToken));
    }

    /// <summary>The shelter's answers through the link; the coordinator is told by mail.</summary>
    public async Task<InvitationResult> SubmitAsync(string? token, Questionnaire questionnaire, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, cancellationToken) is not var (row, invitation, _))
            return new InvitationResult.NotFound();
        var now = time.GetUtcNow();
        return await ChangeAsync(row, row.Version, async () =>
        {
            // The year's list is kept from the first answer on, so admission checks the answers against the same list.
            var catalog = await catalogs.KeepForYearAsync(invitation.RequirementsYear, "invitation", cancellationToken);
            invitation.Submit(questionnaire, catalog, SwedishCalendar.Today(time));
            InvitationDocument.Write(invitation, row, now);
            db.AuditEntries.Add(AuditEntry.Create(now, "invitation", "certification.invitation-answered", invitation.ShelterName));
            mail.Answered(invitation);
        }, cancellationToken);
    }

    /// <summary>
    /// Admits the invited shelter to the register (not yet certified) with its certification, already answered, and starts
    /// the certification process at the coordinator's review: all in one transaction.
    /// </summary>
    public async Task<InvitationResult> AdmitAsync(Guid id, Guid version, string actor, CancellationToken cancellationToken)
    {
        if (await db.CertificationInvitations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } row)
            return new InvitationResult.NotFound();
        var invitation = InvitationDocument.Read(row);
        if (invitation.Stage == InvitationStage.Submitted && await InRegisterAsync(invitation.ShelterName, cancellationToken))
            return new InvitationResult.Refused([new(nameof(CertificationInvitation.ShelterName), RuleViolationCode.Duplicate, invitation.ShelterName)]);

        var now = time.GetUtcNow();
        var certificationId = Guid.NewGuid();
        async Task Admit()
        {
            var catalog = await catalogs.KeepForYearAsync(invitation.RequirementsYear, actor, cancellationToken);
            var (shelter, certification) = invitation.Admit(Guid.NewGuid(), certificationId, catalog, now);
            db.Shelters.Add(shelter);
            var certificationRow = new CertificationRow { Id = certificationId, ShelterId = shelter.Id, RequirementsYear = certification.RequirementsYear, StartedAt = now };
            CertificationDocument.Write(certification, certificationRow, now);
            db.Certifications.Add(certificationRow);
            InvitationDocument.Write(invitation, row, now);
            db.AuditEntries.Add(AuditEntry.Create(now, actor, "certification.invitation-admitted", invitation.ShelterName));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        InvitationResult result;
        try
        {
            result = await ChangeAsync(row, version, Admit, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The register's unique name: a shelter of this name was added between the check and this save.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return await InRegisterAsync(invitation.ShelterName, cancellationToken)
                ? new InvitationResult.Refused([new(nameof(CertificationInvitation.ShelterName), RuleViolationCode.Duplicate, invitation.ShelterName)])
                : throw new InvalidOperationException("An admitted shelter could not be stored, and none of its name is in the register.");
        }

        if (result is not InvitationResult.Done)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return result;
        }

        var variables = CertificationNames.VariablesOf(certificationId, invitation.ShelterId!.Value,
            CertificationNames.ReferenceOf(invitation.ShelterName, invitation.RequirementsYear), answered: true);
        var started = await engine.StartAsync(CertificationNames.Process, variables, cancellationToken);
        if (started.Outcome != EngineOutcome.Started)
            throw new InvalidOperationException($"The certification process {CertificationNames.Process} could not start: {started.Outcome}.");
        await transaction.CommitAsync(cancellationToken);
        return new InvitationResult.Done(certificationId);
    }

    /// <summary>Declines the invitation, answered or not, saying why; its link opens nothing more.</summary>
    public async Task<InvitationResult> DeclineAsync(Guid id, Guid version, string? comment, string actor, CancellationToken cancellationToken)
    {
        if (await db.CertificationInvitations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } row)
            return new InvitationResult.NotFound();
        var invitation = InvitationDocument.Read(row);
        var now = time.GetUtcNow();
        return await ChangeAsync(row, version, () =>
        {
            invitation.Decline(comment ?? "");
            InvitationDocument.Write(invitation, row, now);
            db.AuditEntries.Add(AuditEntry.Create(now, actor, "certification.invitation-declined", invitation.ShelterName));
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<CertificationInvitation?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.CertificationInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } row ? InvitationDocument.Read(row) : null;

    /// <summary>The invitation's row as a page shows it: its version goes with the page's buttons.</summary>
    public Task<CertificationInvitationRow?> RowAsync(Guid id, CancellationToken cancellationToken) =>
        db.CertificationInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>Every invitation, newest first: few a year, so the list needs no paging.</summary>
    public async Task<IReadOnlyList<CertificationInvitation>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await db.CertificationInvitations.AsNoTracking().ToListAsync(cancellationToken))
            .Select(InvitationDocument.Read).OrderByDescending(i => i.InvitedOn).ThenBy(i => i.ShelterName, StringComparer.CurrentCulture)];

    private async Task<InvitationResult> ChangeAsync(CertificationInvitationRow row, Guid version, Func<Task> change, CancellationToken cancellationToken)
    {
        if (row.Version != version)
            return new InvitationResult.Conflict();
        try
        {
            await change();
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (RuleViolationException e)
        {
            db.ChangeTracker.Clear();
            return new InvitationResult.Refused(e.Violations);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new InvitationResult.Conflict();
        }

        mail.Kick();
        return new InvitationResult.Done(row.Id);
    }

    private Task<bool> InRegisterAsync(string name, CancellationToken cancellationToken) => db.IsTakenAsync(name, null, cancellationToken);
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Certification;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Certification;

public abstract record CertificationStartResult
{
    private CertificationStartResult() { }

    public sealed record Started(Guid Id) : CertificationStartResult;

    /// <summary>The shelter already has a certification against this year's requirements (perhaps started a moment ago).</summary>
    public sealed record AlreadyStarted(Guid Id) : CertificationStartResult;

    public sealed record NoShelter : CertificationStartResult;
}

/// <summary>
/// Shelters' certifications: starting one (the row and the process, whose first task is the shelter's questionnaire, in
/// one transaction), and finding them for whoever may see them: the coordinator and the administrator every shelter's,
/// a shelter's users their own, the reader none.
/// </summary>
public sealed class Certifications(NspDbContext db, RequirementCatalogs catalogs, WorkflowEngine engine, TimeProvider time)
{
    public async Task<CertificationStartResult> StartAsync(Guid shelterId, string actor, CancellationToken cancellationToken)
    {
        var shelter = await db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shelterId, cancellationToken);
        if (shelter is null)
            return new CertificationStartResult.NoShelter();
        var year = SwedishCalendar.Today(time).Year;
        if (await IdOfAsync(shelterId, year, cancellationToken) is { } existing)
            return new CertificationStartResult.AlreadyStarted(existing);

        var now = time.GetUtcNow();
        await catalogs.KeepForYearAsync(year, actor, cancellationToken);
        var certification = ShelterCertification.Start(Guid.NewGuid(), shelterId, year);
        var row = new CertificationRow { Id = certification.Id, ShelterId = shelterId, RequirementsYear = year, StartedAt = now };
        CertificationDocument.Write(certification, row, now);
        db.Certifications.Add(row);
        db.AuditEntries.Add(AuditEntry.Create(now, actor, "certification.started", shelter.Name));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique key (shelter, year): another start won a moment ago.
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(CancellationToken.None);
            return await IdOfAsync(shelterId, year, cancellationToken) is { } winner
                ? new CertificationStartResult.AlreadyStarted(winner)
                : throw new InvalidOperationException("A certification could not be stored, and none exists for the shelter and year.");
        }

        var started = await engine.StartAsync(CertificationNames.Process,
            CertificationNames.VariablesOf(row.Id, shelterId, CertificationNames.ReferenceOf(shelter.Name, year)), cancellationToken);
        if (started.Outcome != EngineOutcome.Started)
            throw new InvalidOperationException($"The certification process {CertificationNames.Process} could not start: {started.Outcome}.");
        await transaction.CommitAsync(cancellationToken);
        return new CertificationStartResult.Started(row.Id);
    }

    /// <summary>The certification row, tracked, when <paramref name="user"/> may see it; null otherwise, as for none.</summary>
    public async Task<CertificationRow?> FindVisibleAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var row = await db.Certifications.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return row is not null && user.MayWorkForShelter(row.ShelterId) ? row : null;
    }

    /// <summary>Each shelter's latest certification (by requirements year), read-only, for lists and the deadline job.</summary>
    public async Task<Dictionary<Guid, CertificationRow>> LatestByShelterAsync(CancellationToken cancellationToken) =>
        (await db.Certifications.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(c => c.ShelterId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.RequirementsYear)!);

    private Task<Guid?> IdOfAsync(Guid shelterId, int year, CancellationToken cancellationToken) =>
        db.Certifications.Where(c => c.ShelterId == shelterId && c.RequirementsYear == year).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
}

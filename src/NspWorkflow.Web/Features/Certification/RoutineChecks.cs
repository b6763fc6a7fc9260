using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Certification;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Certification;

public abstract record RoutineCheckStartResult
{
    private RoutineCheckStartResult() { }

    public sealed record Started(Guid Id) : RoutineCheckStartResult;

    /// <summary>The shelter already has a routine check for the year (perhaps started a moment ago).</summary>
    public sealed record AlreadyStarted(Guid Id) : RoutineCheckStartResult;

    /// <summary>The shelter was never certified: a routine check renews a certification, it does not grant one.</summary>
    public sealed record NotCertified : RoutineCheckStartResult;

    public sealed record NoShelter : RoutineCheckStartResult;
}

/// <summary>
/// Shelters' yearly routine checks: starting one for a shelter and year (the row and the process, whose first task is the
/// shelter's report, in one transaction), from the overview or from the deadline job, and finding them for whoever may
/// see them: the coordinator and the administrator every shelter's, a shelter's users their own, the reader none.
/// </summary>
public sealed class RoutineChecks(NspDbContext db, WorkflowEngine engine, TimeProvider time)
{
    public async Task<RoutineCheckStartResult> StartAsync(Guid shelterId, int year, string actor, CancellationToken cancellationToken)
    {
        var shelter = await db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shelterId, cancellationToken);
        if (shelter is null)
            return new RoutineCheckStartResult.NoShelter();
        if (shelter.CertificationStatus != CertificationStatus.Certified)
            return new RoutineCheckStartResult.NotCertified();
        if (await IdOfAsync(shelterId, year, cancellationToken) is { } existing)
            return new RoutineCheckStartResult.AlreadyStarted(existing);

        var now = time.GetUtcNow();
        var check = RoutineCheck.Start(Guid.NewGuid(), shelterId, year);
        var row = new RoutineCheckRow { Id = check.Id, ShelterId = shelterId, Year = year };
        RoutineCheckDocument.Write(check, row, now);
        db.RoutineChecks.Add(row);
        db.AuditEntries.Add(AuditEntry.Create(now, actor, "routine-check.started", $"{shelter.Name} {year.ToString(CultureInfo.InvariantCulture)}"));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique key (shelter, year): another start (the shelter's, the coordinator's or the job's) won a moment ago.
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(CancellationToken.None);
            return await IdOfAsync(shelterId, year, cancellationToken) is { } winner
                ? new RoutineCheckStartResult.AlreadyStarted(winner)
                : throw new InvalidOperationException("A routine check could not be stored, and none exists for the shelter and year.");
        }

        var started = await engine.StartAsync(RoutineCheckNames.Process,
            RoutineCheckNames.VariablesOf(row.Id, shelterId, RoutineCheckNames.ReferenceOf(shelter.Name, year)), cancellationToken);
        if (started.Outcome != EngineOutcome.Started)
            throw new InvalidOperationException($"The routine check process {RoutineCheckNames.Process} could not start: {started.Outcome}.");
        await transaction.CommitAsync(cancellationToken);
        return new RoutineCheckStartResult.Started(row.Id);
    }

    /// <summary>The routine check's row, tracked, when <paramref name="user"/> may see it; null otherwise, as for none.</summary>
    public async Task<RoutineCheckRow?> FindVisibleAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var row = await db.RoutineChecks.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return row is not null && user.MayWorkForShelter(row.ShelterId) ? row : null;
    }

    /// <summary>The year's routine checks by shelter, read-only, for the overview.</summary>
    public async Task<Dictionary<Guid, RoutineCheckRow>> OfYearAsync(int year, CancellationToken cancellationToken) =>
        await db.RoutineChecks.AsNoTracking().Where(c => c.Year == year).ToDictionaryAsync(c => c.ShelterId, cancellationToken);

    private Task<Guid?> IdOfAsync(Guid shelterId, int year, CancellationToken cancellationToken) =>
        db.RoutineChecks.Where(c => c.ShelterId == shelterId && c.Year == year).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
}

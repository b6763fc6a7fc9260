using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>What became of an admission application.</summary>
public abstract record ApplicationOutcome
{
    private ApplicationOutcome()
    {
    }

    /// <summary>The case is open and its process waits for the coordinator.</summary>
    public sealed record Opened(Guid Id, string Reference) : ApplicationOutcome;

    /// <summary>A rule is broken; nothing was stored.</summary>
    public sealed record Refused(IReadOnlyList<RuleViolation> Violations) : ApplicationOutcome;

    /// <summary>The case process could not start (e.g. its definition is not published); nothing was stored.</summary>
    public sealed record NotStarted(string? Message) : ApplicationOutcome;

    /// <summary>What was to be stored with the case changed meanwhile (its draft was submitted or saved again); nothing was stored.</summary>
    public sealed record Conflict : ApplicationOutcome;
}

/// <summary>
/// Submitting an admission application, for the API and the application page alike: the domain's rules, the next
/// reference of the year, the case and its process started in one transaction. The reference comes from the year's
/// counter row, incremented in that transaction, so simultaneous applications wait for each other's number rather than
/// pick the same one (and a refused or failed application gives its number back). Only the shelter's own users apply.
/// </summary>
public sealed class CaseApplications(NspDbContext db, CaseWorkspace workspace, ICaseWorkflows workflows, TimeProvider time, TariffSchedule tariffs)
{
    /// <summary>
    /// Opens the case. <paramref name="alsoStore"/> runs before the step, so what it tracks (the page's draft removed) is
    /// stored in the same transaction as the case, or not at all.
    /// </summary>
    public async Task<ApplicationOutcome> SubmitAsync(CaseApplication application, ClaimsPrincipal user, Action? alsoStore,
        CancellationToken cancellationToken)
    {
        // Applying for another shelter: that shelter is not the caller's to name.
        if (!CaseAccess.IsShelterOf(user, application.ShelterId))
            return new ApplicationOutcome.Refused([new("shelterId", RuleViolationCode.NotFound)]);

        var shelter = await db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == application.ShelterId, cancellationToken);
        var now = time.GetUtcNow();
        var today = SwedishCalendar.Today(time);

        // The number, the case, its process and its audit entry commit together; disposing uncommitted rolls all back.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Case opened;
        try
        {
            var reference = await workspace.Store.NextReferenceAsync(SwedishCalendar.ToSwedish(now).Year, cancellationToken);
            opened = Case.Open(Guid.CreateVersion7(now), reference, application, shelter, now, today, tariffs);
        }
        catch (RuleViolationException e)
        {
            return new ApplicationOutcome.Refused(e.Violations);
        }

        workspace.Add(opened);
        workspace.Audit(CaseAccess.Actor(user), "case.create", opened);
        alsoStore?.Invoke();
        try
        {
            var started = await workflows.StartCaseAsync(opened, cancellationToken);
            if (started.Outcome == EngineOutcome.Started)
            {
                await transaction.CommitAsync(cancellationToken);
                return new ApplicationOutcome.Opened(opened.Id, opened.Reference);
            }

            Forget(opened);
            // A new case and a new instance have no version to lose: only what alsoStore tracked can have been stale.
            return started.Outcome == EngineOutcome.Conflict && alsoStore is not null
                ? new ApplicationOutcome.Conflict()
                : new ApplicationOutcome.NotStarted(started.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            Forget(opened);
            return new ApplicationOutcome.Conflict();
        }
    }

    /// <summary>Nothing of the attempt stays in the unit of work, for a later save of the same request to store.</summary>
    private void Forget(Case opened)
    {
        db.ChangeTracker.Clear();
        workspace.Forget(opened.Id);
    }
}

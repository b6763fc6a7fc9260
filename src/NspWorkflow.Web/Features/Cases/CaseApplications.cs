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
/// reference of the year, the case and its process started in one step. Only the shelter's own users apply for it.
/// </summary>
public sealed class CaseApplications(NspDbContext db, CaseWorkspace workspace, ICaseWorkflows workflows, TimeProvider time, TariffSchedule tariffs)
{
    private const int ReferenceAttempts = 3;

    /// <summary>
    /// Opens the case. <paramref name="alsoStore"/> runs before each attempt's step, so what it tracks (the page's draft
    /// removed) is stored in the same transaction as the case, or not at all.
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
        for (var attempt = 1; ; attempt++)
        {
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
                return started.Outcome == EngineOutcome.Started
                    ? new ApplicationOutcome.Opened(opened.Id, opened.Reference)
                    : new ApplicationOutcome.NotStarted(started.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Only what alsoStore tracked can be stale: a new case and a new instance have no version to lose.
                db.ChangeTracker.Clear();
                workspace.Forget(opened.Id);
                return new ApplicationOutcome.Conflict();
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                // Another case took the reference meanwhile (unique index): forget this attempt and take the next number.
                db.ChangeTracker.Clear();
                workspace.Forget(opened.Id);
            }
        }
    }
}

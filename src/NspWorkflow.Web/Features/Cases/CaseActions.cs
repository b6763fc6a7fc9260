using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.PointInterventions;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>What became of an action on a running case.</summary>
public abstract record CaseActionOutcome
{
    private CaseActionOutcome()
    {
    }

    /// <summary>Done; <see cref="Id"/> names what was created (a point intervention), if anything.</summary>
    public sealed record Done(Guid? Id = null) : CaseActionOutcome;

    /// <summary>No such case for this user (another shelter's case does not exist to it).</summary>
    public sealed record NotFound : CaseActionOutcome;

    /// <summary>The user may see the case but not do this.</summary>
    public sealed record Forbidden : CaseActionOutcome;

    /// <summary>A rule is broken (fields as the domain names them); nothing was stored.</summary>
    public sealed record Refused(IReadOnlyList<RuleViolation> Violations) : CaseActionOutcome;

    /// <summary>The case's workflow is not where the action fits, or moved meanwhile; nothing was stored. <see cref="Key"/> words why.</summary>
    public sealed record NotNow(string Key) : CaseActionOutcome;
}

/// <summary>
/// What a shelter does on its running case, for the API and the case page alike: reports a police report (delivered to
/// the reflection waiting for it) and applies for a point intervention (with its receipt), each in one step.
/// </summary>
public sealed class CaseActions(CaseWorkspace workspace, ICaseWorkflows workflows, TariffSchedule tariffs, ReceiptStore receipts, TimeProvider time,
    NspDbContext db)
{
    /// <summary>The message a case takes when a police report is filed.</summary>
    public const string PoliceReportFiled = "police-report-filed";

    /// <summary>
    /// Applies the report to the case (MMM granted: its date is the running period's last funded day) and delivers it to
    /// the reflection or extended period waiting for it, in one transaction; with none waiting nothing is recorded.
    /// </summary>
    public async Task<CaseActionOutcome> ReportToPoliceAsync(Guid id, DateOnly date, bool mmmGranted, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var (found, failed) = await ChangeAsShelterOrCoordinatorAsync(id, c => c.ApplyPoliceReport(date, mmmGranted, tariffs), user, cancellationToken);
        if (failed is not null)
            return failed;

        workspace.Audit(CaseAccess.Actor(user), "case.message", found, PoliceReportFiled);
        var result = await workflows.DeliverPoliceReportAsync(found, mmmGranted, cancellationToken);
        return result.Outcome switch
        {
            EngineOutcome.Delivered => new CaseActionOutcome.Done(),
            EngineOutcome.NotFound => new CaseActionOutcome.NotNow("Api.NoReflectionWaitsForPoliceReport"),
            _ => new CaseActionOutcome.NotNow("Api.CaseChangedMeanwhile"),
        };
    }

    /// <summary>
    /// Applies for a point intervention, checked against the cap and the list, and sends it to the coordinator. A receipt
    /// given with it (PDF, JPEG or PNG by its first bytes, at most <see cref="ReceiptStore.MaxBytes"/>) is attached in the
    /// same step; one of another kind refuses the whole application (field <c>receipt</c>).
    /// </summary>
    public async Task<CaseActionOutcome> ApplyForPointInterventionAsync(Guid id, PointIntervention details, byte[]? receipt,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var found = await workspace.LoadAsync(id, cancellationToken);
        if (found is null || !CaseAccess.IsShelterOf(user, found.ShelterId))
            return new CaseActionOutcome.NotFound();
        var kind = receipt is null ? null : ReceiptKind.Of(receipt);
        if (receipt is not null && (kind is null || receipt.Length > ReceiptStore.MaxBytes))
            return new CaseActionOutcome.Refused([new("receipt", RuleViolationCode.Invalid)]);

        var interventionId = Guid.CreateVersion7(time.GetUtcNow());
        var shelter = await CaseReferences.ShelterAsync(db, found.ShelterId, cancellationToken);
        try
        {
            workspace.Change(id, c => c.SubmitPointIntervention(interventionId, kind is null ? details : details with { ReceiptReference = null }, tariffs,
                time.GetUtcNow(), SwedishCalendar.Today(time), shelter));
            if (kind is not null)
                workspace.Change(id, c => c.AttachReceipt(interventionId, ReceiptStore.ReferenceOf(kind)));
        }
        catch (RuleViolationException e)
        {
            return new CaseActionOutcome.Refused(e.Violations);
        }

        // The file first: a step stored without it would point at nothing. A step that then fails leaves an encrypted
        // file no case names, which nobody can reach.
        if (kind is not null)
            await receipts.SaveAsync(interventionId, receipt!, cancellationToken);
        workspace.Audit(CaseAccess.Actor(user), "case.point-intervention", found, details.CategoryKey);
        var started = await workflows.StartPointInterventionAsync(found, interventionId, cancellationToken);
        return started.Outcome == EngineOutcome.Started
            ? new CaseActionOutcome.Done(interventionId)
            : new CaseActionOutcome.NotNow("Api.PointInterventionProcessNotStarted");
    }

    /// <summary>
    /// Asks for the motivated supplement with its justification (with the application or during any period) and sends it
    /// to the coordinator, in one step.
    /// </summary>
    public async Task<CaseActionOutcome> RequestSupplementAsync(Guid id, string? justification, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var found = await workspace.LoadAsync(id, cancellationToken);
        if (found is null || !CaseAccess.IsShelterOf(user, found.ShelterId))
            return new CaseActionOutcome.NotFound();
        var shelter = await CaseReferences.ShelterAsync(db, found.ShelterId, cancellationToken);
        var supplementId = Guid.CreateVersion7(time.GetUtcNow());
        try
        {
            workspace.Change(id, c => c.RequestSupplement(supplementId, justification, SwedishCalendar.Today(time), shelter));
        }
        catch (RuleViolationException e)
        {
            return new CaseActionOutcome.Refused(e.Violations);
        }

        workspace.Audit(CaseAccess.Actor(user), "case.supplement", found, null);
        var started = await workflows.StartSupplementAsync(found, supplementId, cancellationToken);
        return started.Outcome == EngineOutcome.Started
            ? new CaseActionOutcome.Done(supplementId)
            : new CaseActionOutcome.NotNow("Api.SupplementProcessNotStarted");
    }

    /// <summary>A child joins the person from <paramref name="from"/>; a child in Sweden brings the supplement from that day.</summary>
    public Task<CaseActionOutcome> AddChildAsync(Guid id, Child child, DateOnly from, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeDailyTermsAsync(id, c => c.AddChild(child, from, tariffs), "child-joined", user, cancellationToken);

    /// <summary>The child at <paramref name="index"/> left; its supplement is paid to <paramref name="lastDay"/>.</summary>
    public Task<CaseActionOutcome> ChildLeftAsync(Guid id, int index, DateOnly? lastDay, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeDailyTermsAsync(id, c => c.ChildLeft(index, lastDay, tariffs), "child-left", user, cancellationToken);

    /// <summary>From <paramref name="from"/> the public pays housing or protection (or neither again).</summary>
    public Task<CaseActionOutcome> PublicPaysFromAsync(Guid id, DateOnly from, bool housing, bool protection, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        ChangeDailyTermsAsync(id, c => c.PublicPaysFrom(from, housing, protection, tariffs), "public-pays", user, cancellationToken);

    /// <summary>
    /// A change of what the case is paid by day, by its shelter or the coordinator, stored at once (no workflow waits on
    /// it). Of two changes at once the first wins; the other is told the case changed meanwhile.
    /// </summary>
    private async Task<CaseActionOutcome> ChangeDailyTermsAsync(Guid id, Action<Case> change, string detail, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var (found, failed) = await ChangeAsShelterOrCoordinatorAsync(id, change, user, cancellationToken);
        if (failed is not null)
            return failed;

        workspace.Audit(CaseAccess.Actor(user), "case.daily-terms", found, detail);
        try
        {
            await workspace.SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            workspace.Discard();
            return new CaseActionOutcome.NotNow("Api.CaseChangedMeanwhile");
        }
        return new CaseActionOutcome.Done();
    }

    /// <summary>
    /// Loads the case and applies <paramref name="change"/> for the case's shelter or the coordinator (another shelter's
    /// case is not found); the outcome is null when it was applied, else why not, with nothing changed.
    /// </summary>
    private async Task<(Case Found, CaseActionOutcome? Failed)> ChangeAsShelterOrCoordinatorAsync(Guid id, Action<Case> change,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var found = await workspace.LoadAsync(id, cancellationToken);
        if (found is null || !CaseAccess.CanRead(user, found))
            return (null!, new CaseActionOutcome.NotFound());
        if (!CaseAccess.IsShelterOf(user, found.ShelterId) && !user.IsInRole(Roles.Coordinator))
            return (found, new CaseActionOutcome.Forbidden());
        try
        {
            workspace.Change(id, change);
            return (found, null);
        }
        catch (RuleViolationException e)
        {
            return (found, new CaseActionOutcome.Refused(e.Violations));
        }
    }
}

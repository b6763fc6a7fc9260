using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Tariffs;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Tariffs;

/// <summary>What a save did: the revision stored, or the rules it broke (fields as in the tariff file), or a concurrent save won.</summary>
public abstract record TariffSaveResult
{
    public sealed record Saved(int Revision) : TariffSaveResult;

    public sealed record Refused(IReadOnlyList<RuleViolation> Violations) : TariffSaveResult;

    public sealed record Conflict : TariffSaveResult;
}

/// <summary>
/// An administrator's new tariff: a new revision that adds it, replacing the tariff of the same effective date if there
/// is one. Approved periods keep the revision they were approved under, so their days keep their amounts. A tariff from
/// before today changes what the program pays for days already past and is saved only when confirmed as a correction;
/// every save is in the audit log.
/// </summary>
public sealed class TariffEdits(NspDbContext db, TariffCatalog catalog, TimeProvider time)
{
    public const string SavedAction = "tariff.saved";
    public const string CorrectedAction = "tariff.corrected";

    public async Task<TariffSaveResult> SaveAsync(Tariff tariff, bool correction, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = SwedishCalendar.Today(time);
        if (tariff.EffectiveFrom < today && !correction)
            return new TariffSaveResult.Refused([new("effectiveFrom", RuleViolationCode.CorrectionNotConfirmed, Day(today))]);

        await catalog.RefreshAsync(cancellationToken);
        var before = catalog.Current;
        var revision = before.Revision + 1;
        var replaced = before.History.Where(e => e.ReplacedIn is null && e.Tariff.EffectiveFrom == tariff.EffectiveFrom).ToList();
        var history = before.History.Select(e => replaced.Contains(e) ? e with { ReplacedIn = revision } : e).Append(new TariffEntry(tariff, revision));
        try
        {
            TariffSchedule.FromHistory(history);
        }
        catch (RuleViolationException e)
        {
            // The schedule's fields are "tariffs[i].reflection.maxDays"; the form edits one tariff.
            return new TariffSaveResult.Refused([.. e.Violations.Select(v => v with { Field = WithoutIndex(v.Field) })]);
        }

        foreach (var entry in replaced)
        {
            var row = await db.Tariffs.SingleAsync(t => t.Revision == entry.Revision, cancellationToken);
            row.ReplacedInRevision = revision;
        }

        db.Tariffs.Add(new TariffRow
        {
            Revision = revision, EffectiveFrom = tariff.EffectiveFrom, Json = TariffJson.Write([tariff]), CreatedAt = now,
            CreatedBy = AuditEntry.FitActor(user.Actor()), IsCorrection = tariff.EffectiveFrom < today,
        });
        db.AuditEntries.Add(AuditEntry.Create(now, user.Actor(), tariff.EffectiveFrom < today ? CorrectedAction : SavedAction,
            $"revision {revision}, from {Day(tariff.EffectiveFrom)}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved this revision first (the key) or replaced the same tariff (its token).
            db.ChangeTracker.Clear();
            return new TariffSaveResult.Conflict();
        }

        await catalog.RefreshAsync(cancellationToken);
        return new TariffSaveResult.Saved(revision);
    }

    private static string WithoutIndex(string field) =>
        field.StartsWith("tariffs[", StringComparison.Ordinal) && field.IndexOf("].", StringComparison.Ordinal) is var end and > 0
            ? field[(end + 2)..]
            : field;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}

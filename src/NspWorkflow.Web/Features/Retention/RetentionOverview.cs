using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Retention;

/// <summary>A case whose personal data is erased soon: its row's columns only, nothing of the person.</summary>
public sealed record UpcomingErasure(Guid CaseId, string Reference, string Shelter, DateOnly ClosedOn, DateOnly ErasureDay);

/// <summary>An erasure done, as the audit log recorded it.</summary>
public sealed record DoneErasure(Guid? CaseId, string? Reference, DateTimeOffset At);

/// <summary>What the administrator's page shows: the erasures of the coming days and the last ones done.</summary>
public sealed class RetentionOverview(NspDbContext db, RetentionOptions options, TimeProvider time)
{
    public const int DaysAhead = 30;
    public const int LastDone = 50;

    public int Years => options.Years;

    public DateOnly Today => SwedishCalendar.Today(time);

    /// <summary>The cases to be erased from today through <see cref="DaysAhead"/> days on, soonest first.</summary>
    public async Task<IReadOnlyList<UpcomingErasure>> UpcomingAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var last = today.AddDays(DaysAhead);
        var bound = options.ClosedOnOrBefore(last);
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.ErasedAt == null && c.ClosedOn != null && c.ClosedOn <= bound)
            .Join(db.Shelters, c => c.ShelterId, s => s.Id, (c, s) => new { c.Id, c.Reference, Shelter = s.Name, ClosedOn = c.ClosedOn!.Value })
            .ToListAsync(cancellationToken);
        // Due today or earlier: the night's run takes them (shown as today).
        return [.. rows.Select(r => new UpcomingErasure(r.Id, r.Reference, r.Shelter, r.ClosedOn, options.ErasureDay(r.ClosedOn)))
            .Where(r => r.ErasureDay <= last)
            .OrderBy(r => r.ErasureDay).ThenBy(r => r.Reference, StringComparer.Ordinal)];
    }

    /// <summary>The last erasures, newest first.</summary>
    public async Task<IReadOnlyList<DoneErasure>> DoneAsync(CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.Action == CaseErasure.ErasedAction)
            .OrderByDescending(a => a.At).Take(LastDone)
            .Select(a => new DoneErasure(a.CaseId, a.CaseReference, a.At))
            .ToListAsync(cancellationToken);
}

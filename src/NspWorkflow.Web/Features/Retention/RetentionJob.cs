using Hangfire;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Retention;

/// <summary>What a run of the retention job erased: cases, and application drafts never sent; and the cases that failed (logged).</summary>
public sealed record RetentionRun(int Cases, int Drafts, int Failed = 0);

/// <summary>
/// Once a day, the personal data of every case closed for the retention period (<see cref="RetentionOptions"/>): each case
/// erased on its own (<see cref="CaseErasure"/>, one transaction each), so a failure stops one case, not the others, and
/// the next run takes up what is left. Application drafts never sent hold the same facts: those not saved for the same
/// period are deleted. Erasure keeps the report facts (Data/Reports) and every row the reports and the money count.
/// </summary>
public sealed partial class RetentionJob(NspDbContext db, CaseErasure erasure, RetentionOptions options, TimeProvider time, ILogger<RetentionJob> logger)
{
    public const string DraftsAction = "application-drafts.erased";

    [AutomaticRetry(Attempts = 3)]
    public async Task<RetentionRun> RunAsync(CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(time);
        var bound = options.ClosedOnOrBefore(today);
        var due = (await db.Cases.AsNoTracking()
                .Where(c => c.ErasedAt == null && c.ClosedOn != null && c.ClosedOn <= bound)
                .Select(c => new { c.Id, ClosedOn = c.ClosedOn!.Value })
                .ToListAsync(cancellationToken))
            .Where(c => options.ErasureDay(c.ClosedOn) <= today)
            .OrderBy(c => c.ClosedOn).ThenBy(c => c.Id)
            .ToList();
        int erased = 0, failed = 0;
        foreach (var c in due)
        {
            try
            {
                if (await erasure.EraseAsync(c.Id, cancellationToken))
                    erased++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Its transaction stored nothing; the next night tries again. The others go on.
                LogFailed(logger, exception, c.Id);
                failed++;
            }
        }

        return new RetentionRun(erased, await EraseDraftsAsync(cancellationToken), failed);
    }

    [LoggerMessage(LogLevel.Error, "The personal data of case {CaseId} could not be erased; the next run tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid caseId);

    private async Task<int> EraseDraftsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = now.AddYears(-options.Years);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var count = await db.ApplicationDrafts.Where(d => d.UpdatedAt < before).ExecuteDeleteAsync(cancellationToken);
        if (count > 0)
        {
            db.AuditEntries.Add(AuditEntry.Create(now, CaseErasure.Actor, DraftsAction, count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return count;
    }
}

/// <summary>The retention job every night at 02:00 Swedish time, before the day's work and the other morning jobs.</summary>
internal sealed class RetentionRecurringJob : IRecurringJobDefinition
{
    public const string JobId = "retention";

    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<RetentionJob>(JobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(2),
            new RecurringJobOptions { TimeZone = SwedishCalendar.TimeZone });
}

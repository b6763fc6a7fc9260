using Hangfire;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>What building a month's invoice bases gave.</summary>
public abstract record InvoiceRunResult
{
    public sealed record Built(InvoiceMonth Month, int Bases, int Lines, decimal Total) : InvoiceRunResult;

    /// <summary>The month had been built before: nothing was written.</summary>
    public sealed record AlreadyBuilt(InvoiceMonth Month) : InvoiceRunResult;
}

/// <summary>
/// Builds every shelter's invoice basis of a month, in one transaction: the month's run row first (its key makes a second run of
/// the same month fail and write nothing), then per shelter a basis with a line per case and period part, the approved point
/// interventions, and corrections of the months invoiced before; each shelter is told by mail that its basis is ready.
/// </summary>
public sealed class InvoiceBasisJob(NspDbContext db, CaseStore cases, TariffSchedule tariffs, InvoiceMail mail, TimeProvider time)
{
    public const string JobActor = "invoice-basis-job";
    public const string RunAction = "invoice.run";

    /// <summary>The recurring run: on the first of a month, the month before.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task BuildLastMonthAsync(CancellationToken cancellationToken) =>
        await BuildAsync(InvoiceMonth.Of(SwedishCalendar.Today(time)).Previous, JobActor, cancellationToken);

    public async Task<InvoiceRunResult> BuildAsync(InvoiceMonth month, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.InvoiceRuns.Add(new InvoiceRunRow { Month = month.Number, RanAt = now, RanBy = AuditEntry.FitActor(actor) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The month's key: it was built before, or is being built right now by another run.
            db.ChangeTracker.Clear();
            return new InvoiceRunResult.AlreadyBuilt(month);
        }

        var invoicedMonths = (await db.InvoiceRuns.AsNoTracking().Where(r => r.Month < month.Number).Select(r => r.Month).ToListAsync(cancellationToken))
            .Select(InvoiceMonth.FromNumber).ToHashSet();
        var lines = new List<(Guid Shelter, InvoiceLine Line)>();
        foreach (var chunk in (await CandidatesAsync(month, cancellationToken)).Chunk(500))
        {
            var ids = chunk.Select(c => c.Id).ToList();
            var invoiced = (await db.InvoiceLines.AsNoTracking().Where(l => ids.Contains(l.CaseId)).ToListAsync(cancellationToken))
                .ToLookup(l => l.CaseId, l => l.ToLine());
            foreach (var row in chunk)
            {
                var input = InvoiceCase.Of(cases.Restore(row));
                lines.AddRange(InvoiceBasisBuilder.Lines(input, month, invoicedMonths, [.. invoiced[row.Id]], tariffs).Select(l => (row.ShelterId, l)));
            }
        }

        var bases = new List<InvoiceBasisRow>();
        foreach (var shelter in lines.GroupBy(l => l.Shelter))
        {
            var basis = new InvoiceBasisRow
            {
                Id = Guid.CreateVersion7(now), ShelterId = shelter.Key, Month = month.Number, Status = InvoiceBasisStatus.Ready,
                CreatedAt = now, Version = Guid.NewGuid(), Total = shelter.Sum(l => l.Line.Total),
            };
            basis.Lines.AddRange(shelter.OrderBy(l => l.Line.CaseReference, StringComparer.Ordinal).ThenBy(l => l.Line.Key, StringComparer.Ordinal)
                .Select(l => InvoiceLineRow.From(basis.Id, l.Line)));
            db.InvoiceBases.Add(basis);
            bases.Add(basis);
        }
        db.AuditEntries.Add(AuditEntry.Create(now, actor, RunAction, $"{month}: {bases.Count} bases, {lines.Count} lines"));
        await mail.BasesReadyAsync(bases, month, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mail.Kick();
        return new InvoiceRunResult.Built(month, bases.Count, lines.Count, lines.Sum(l => l.Line.Total));
    }

    /// <summary>
    /// The cases whose days can be in the month or changed since the last run: every active case, and every other case
    /// changed since the month before began (a case closed, shortened or approved late was changed then). A case unchanged
    /// since then was invoiced as it stands.
    /// </summary>
    private async Task<List<Data.Cases.CaseRow>> CandidatesAsync(InvoiceMonth month, CancellationToken cancellationToken)
    {
        var since = SwedishCalendar.At(month.Previous.FirstDay, TimeOnly.MinValue).ToUniversalTime();
        return await db.Cases.AsNoTracking()
            // An erased case (Features/Retention) closed years ago: its invoiced lines stay, it has no days to invoice.
            .Where(c => c.ErasedAt == null)
            .Where(c => c.Status == CaseStatus.Active || (c.Status == CaseStatus.Closed && c.UpdatedAt >= since))
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }
}

/// <summary>The invoice basis job at 03:00 on the first of each month, Swedish time, for the month before.</summary>
internal sealed class InvoiceBasisRecurringJob : IRecurringJobDefinition
{
    public const string JobId = "invoice-basis";

    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<InvoiceBasisJob>(JobId, job => job.BuildLastMonthAsync(CancellationToken.None), Cron.Monthly(1, 3),
            new RecurringJobOptions { TimeZone = SwedishCalendar.TimeZone });
}

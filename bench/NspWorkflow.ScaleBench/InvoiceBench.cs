using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Invoicing;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.ScaleBench;

/// <summary>One run of the invoice basis job: what it built, its wall time, what the process allocated and its peak memory.</summary>
public sealed record InvoiceFigures(InvoiceMonth Month, TimeSpan Elapsed, int Bases, int Lines, decimal Total, long AllocatedBytes,
    long WorkingSetBefore, long PeakWorkingSet, bool PeakSinceStart);

/// <summary>
/// The job's steps done again alone, each timed: reading the candidate cases, the invoiced lines in chunks of 500, decrypting
/// the case files (the Data Protection step alone, then with the JSON), <c>Case.Restore</c>, the builder, and writing the
/// bases and lines (added to a context, then saved in a transaction that is rolled back).
/// </summary>
public sealed record InvoiceStages(int CasesRead, int ActiveInMonth, int LinesRead, int LinesBuilt, Step ReadCases, Step ReadLines,
    Step Decrypt, Step DecryptAndJson, Step Restore, Step Build, Step AddRows, Step SaveRows);

/// <summary>
/// A step's wall time and allocated bytes, summed over its calls. A synchronous step counts its own thread's allocations
/// (exact and cheap per case); an awaited one, which may resume on another thread, the process's (precise, so only per query).
/// </summary>
public sealed class Step(bool awaited = false)
{
    public TimeSpan Time { get; private set; }
    public long Bytes { get; private set; }

    public (long At, long Bytes) Start() => (Stopwatch.GetTimestamp(), Allocated());

    public void Stop((long At, long Bytes) start)
    {
        Time += Stopwatch.GetElapsedTime(start.At);
        Bytes += Allocated() - start.Bytes;
    }

    private long Allocated() => awaited ? GC.GetTotalAllocatedBytes(true) : GC.GetAllocatedBytesForCurrentThread();
}

/// <summary>
/// Times the monthly invoice basis job (<see cref="InvoiceBasisJob.BuildAsync"/>) on the generated cases through the app's
/// own services, as Hangfire runs it (a DI scope of the running app): the month before the current one, then the current
/// month, which reads back every line of the first as what was invoiced (the corrections path; nothing changed, so no
/// correction is expected). After each run, its steps alone (<see cref="InvoiceStages"/>) say where the time goes.
/// </summary>
public sealed class InvoiceBench(ScaleHost host)
{
    private const string Actor = "scale-bench";

    /// <summary>A month no run builds: the write step's bases are saved under it and rolled back, clear of the real ones' key.</summary>
    private const int ScratchMonth = 999912;

    /// <summary>What the job bills a month for: an active case with approved days in it.</summary>
    public static bool HasDaysIn(Case @case, InvoiceMonth month) =>
        @case.Status == CaseStatus.Active && @case.Periods.Any(p => p.FirstDay <= month.LastDay && p.LastDay >= month.FirstDay);

    public async Task<IReadOnlyList<(InvoiceFigures Job, InvoiceStages Stages)>> RunAsync(CancellationToken cancellationToken)
    {
        var first = InvoiceMonth.Of(SwedishCalendar.Today(host.Services.GetRequiredService<TimeProvider>())).Previous;
        var results = new List<(InvoiceFigures, InvoiceStages)>();
        foreach (var month in new[] { first, first.Next })
        {
            // The job first, cold as the monthly run is in a long-running app; its steps alone after it.
            var job = await JobAsync(month, cancellationToken);
            Console.WriteLine($"  {month}: {job.Elapsed.TotalSeconds:F1} s, {job.Bases} bases, {job.Lines} lines");
            results.Add((job, await StagesAsync(month, cancellationToken)));
        }
        return results;
    }

    private async Task<InvoiceFigures> JobAsync(InvoiceMonth month, CancellationToken cancellationToken)
    {
        // The generator's garbage collected first, and the peak reset where the OS allows, so both are the job's.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var peakReset = ResetPeakWorkingSet();
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var start = Stopwatch.GetTimestamp();
        InvoiceRunResult result;
        await using (var scope = host.Services.CreateAsyncScope())
            result = await scope.ServiceProvider.GetRequiredService<InvoiceBasisJob>().BuildAsync(month, Actor, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(start);
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        process.Refresh();
        if (result is not InvoiceRunResult.Built built)
            throw new InvalidOperationException($"{month} was built before: the benchmark needs a fresh database.");
        return new InvoiceFigures(month, elapsed, built.Bases, built.Lines, built.Total, allocated, workingSet, process.PeakWorkingSet64, !peakReset);
    }

    private async Task<InvoiceStages> StagesAsync(InvoiceMonth month, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NspDbContext>();
        var files = services.GetRequiredService<CaseFileProtector>();
        // CaseFileProtector's purpose: the same keys and cipher, without the JSON.
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("NspWorkflow.Cases.CaseFile.v1");
        var tariffs = services.GetRequiredService<TariffSchedule>();
        Step readCases = new(awaited: true), readLines = new(awaited: true), decrypt = new(), decryptAndJson = new(), restore = new(), build = new();

        // The job's queries (InvoiceBasisJob.CandidatesAsync and its line query).
        var start = readCases.Start();
        var invoicedMonths = (await db.InvoiceRuns.AsNoTracking().Where(r => r.Month < month.Number).Select(r => r.Month).ToListAsync(cancellationToken))
            .Select(InvoiceMonth.FromNumber).ToHashSet();
        var since = SwedishCalendar.At(month.Previous.FirstDay, TimeOnly.MinValue).ToUniversalTime();
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.ErasedAt == null)
            .Where(c => c.Status == CaseStatus.Active || (c.Status == CaseStatus.Closed && c.UpdatedAt >= since))
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        readCases.Stop(start);
        var lines = new List<(Guid Shelter, InvoiceLine Line)>();
        var (linesRead, active) = (0, 0);
        foreach (var chunk in rows.Chunk(500))
        {
            var ids = chunk.Select(c => c.Id).ToList();
            start = readLines.Start();
            // Only what was invoiced before this month, as the job saw it: the job's own lines are in the table by now.
            var invoiced = (await db.InvoiceLines.AsNoTracking().Where(l => ids.Contains(l.CaseId) && l.CoversMonth < month.Number)
                .ToListAsync(cancellationToken)).ToLookup(l => l.CaseId, l => l.ToLine());
            readLines.Stop(start);
            linesRead += invoiced.Sum(g => g.Count());
            foreach (var row in chunk)
            {
                start = decrypt.Start();
                protector.Unprotect(row.ProtectedData);
                decrypt.Stop(start);
                start = decryptAndJson.Start();
                var snapshot = files.Unprotect(row.ProtectedData);
                decryptAndJson.Stop(start);
                start = restore.Start();
                var @case = Case.Restore(snapshot, tariffs);
                restore.Stop(start);
                active += HasDaysIn(@case, month) ? 1 : 0;
                start = build.Start();
                var input = new InvoiceCase(@case.Id, @case.Reference, @case.Periods,
                    [.. @case.PointInterventions.Where(p => p.Status == PointInterventionStatus.Approved)
                        .Select(p => new ApprovedPointIntervention(p.Id, p.Details.CategoryKey, p.Details.Amount, p.Details.Date, p.Details.ReceiptReference))]);
                lines.AddRange(InvoiceBasisBuilder.Lines(input, month, invoicedMonths, [.. invoiced[row.Id]], tariffs).Select(l => (row.ShelterId, l)));
                build.Stop(start);
            }
        }
        var (addRows, saveRows) = await WriteAsync(db, lines, cancellationToken);
        return new InvoiceStages(rows.Count, active, linesRead, lines.Count, readCases, readLines, decrypt, decryptAndJson, restore, build, addRows, saveRows);
    }

    /// <summary>The job's write: a basis per shelter with its lines sorted, added to the context, saved, rolled back.</summary>
    private static async Task<(Step Add, Step Save)> WriteAsync(NspDbContext db, List<(Guid Shelter, InvoiceLine Line)> lines,
        CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Step add = new(), save = new(awaited: true);
        var start = add.Start();
        foreach (var shelter in lines.GroupBy(l => l.Shelter))
        {
            var basis = new InvoiceBasisRow
            {
                Id = Guid.CreateVersion7(now), ShelterId = shelter.Key, Month = ScratchMonth, Status = InvoiceBasisStatus.Ready,
                CreatedAt = now, Version = Guid.NewGuid(), Total = shelter.Sum(l => l.Line.Total),
            };
            basis.Lines.AddRange(shelter.OrderBy(l => l.Line.CaseReference, StringComparer.Ordinal).ThenBy(l => l.Line.Key, StringComparer.Ordinal)
                .Select(l => InvoiceLineRow.From(basis.Id, l.Line)));
            db.InvoiceBases.Add(basis);
        }
        add.Stop(start);
        start = save.Start();
        await db.SaveChangesAsync(cancellationToken);
        save.Stop(start);
        await transaction.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (add, save);
    }

    /// <summary>
    /// Linux keeps the peak resident set since the process began (the generator's, larger); writing 5 to clear_refs starts it
    /// again from now. Elsewhere the peak stays the process's, and the report says so.
    /// </summary>
    private static bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Budget;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Periods;

namespace NspWorkflow.Web.Features.Reports;

/// <summary>
/// The interventions of a range by kind: how many periods had days in it (and point interventions their day), and their sum.
/// A month whose invoice bases are all attested is summed from its attested lines (what was paid, corrections included);
/// any other month from the approved days at the tariff in force (the commitment rows kept with each case). Only the days
/// inside the range count, so a period across the year's end is split between the two years.
/// </summary>
public sealed class InterventionQueries(NspDbContext db)
{
    public async Task<InterventionTable> OfAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (first, last) = (InvoiceMonth.Of(from), InvoiceMonth.Of(to));
        var months = new List<InvoiceMonth>();
        for (var m = first; m.CompareTo(last) <= 0; m = m.Next)
            months.Add(m);
        var (fromNumber, toNumber) = (first.Number, last.Number);

        // Attested: the month was invoiced and no basis of it waits for attestation.
        var runs = await db.InvoiceRuns.AsNoTracking().Where(r => r.Month >= fromNumber && r.Month <= toNumber).Select(r => r.Month).ToListAsync(cancellationToken);
        var open = await db.InvoiceBases.AsNoTracking().Where(b => b.Month >= fromNumber && b.Month <= toNumber && b.Status != InvoiceBasisStatus.Attested)
            .Select(b => b.Month).Distinct().ToListAsync(cancellationToken);
        var attested = runs.Except(open).ToHashSet();
        var approved = months.Where(m => !attested.Contains(m.Number)).Select(m => m.Number).ToList();

        var counts = await db.CommitmentPeriods.AsNoTracking().Where(p => p.FirstDay <= to && p.LastDay >= from)
            .GroupBy(p => new { p.Kind, Later = p.Number > 1 }).Select(g => new { g.Key.Kind, g.Key.Later, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var pointInterventions = await db.CaseReportPointInterventions.AsNoTracking().Where(p => p.Date >= from && p.Date <= to)
            .Select(p => new { p.Date, p.Amount }).ToListAsync(cancellationToken);

        var sums = new Dictionary<InterventionKind, decimal>();
        void Add(InterventionKind kind, decimal amount) => sums[kind] = sums.GetValueOrDefault(kind) + amount;

        // Approved days, month by month; a month at an edge of the range counts only its days inside it.
        var partial = new HashSet<int>();
        if (from.Day != 1)
            partial.Add(first.Number);
        if (to != last.LastDay)
            partial.Add(last.Number);
        var whole = approved.Where(m => !partial.Contains(m)).ToList();
        foreach (var row in await SumMonthsAsync(whole, cancellationToken))
            Add(KindOf(row.Kind, row.Number), row.Amount);
        var edges = approved.Where(partial.Contains).ToList();
        if (edges.Count > 0)
        {
            var rows = await db.CommitmentMonths.AsNoTracking().Where(m => edges.Contains(m.Month) && m.Kind != MonthlyCommitment.PointInterventionKind)
                .Join(db.CommitmentPeriods, m => new { m.CaseId, m.Kind, m.Number }, p => new { p.CaseId, p.Kind, p.Number },
                    (m, p) => new { m.Kind, m.Number, m.Month, m.Days, m.Amount, p.FirstDay, p.LastDay })
                .ToListAsync(cancellationToken);
            foreach (var r in rows.Where(r => r.Days > 0))
            {
                var month = InvoiceMonth.FromNumber(r.Month);
                var inRange = Overlap(Max(r.FirstDay, month.FirstDay, from), Min(r.LastDay, month.LastDay, to));
                Add(KindOf(r.Kind, r.Number), decimal.Round(r.Amount * inRange / r.Days, 2));
            }
        }
        Add(InterventionKind.PointInterventions, pointInterventions.Where(p => !attested.Contains(InvoiceMonth.Of(p.Date).Number)).Sum(p => p.Amount));

        // Attested lines of the attested months: a run of days at one daily amount, so a line at an edge is exact.
        if (attested.Count > 0)
        {
            var covered = attested.ToList();
            var lines = await db.InvoiceLines.AsNoTracking().Where(l => covered.Contains(l.CoversMonth))
                .Join(db.InvoiceBases.Where(b => b.Status == InvoiceBasisStatus.Attested), l => l.BasisId, b => b.Id,
                    (l, b) => new { l.Kind, l.PeriodKind, l.PeriodNumber, l.FirstDay, l.LastDay, l.Days, l.Total })
                .ToListAsync(cancellationToken);
            foreach (var l in lines)
            {
                if (l.Kind == InvoiceLineKind.PointIntervention)
                {
                    if (l.FirstDay >= from && l.FirstDay <= to)
                        Add(InterventionKind.PointInterventions, l.Total);
                }
                else if (l.Days > 0)
                {
                    var inRange = Overlap(Max(l.FirstDay, from), Min(l.LastDay, to));
                    Add(KindOf(l.PeriodKind?.ToString() ?? "", l.PeriodNumber), inRange == l.Days ? l.Total : decimal.Round(l.Total * inRange / l.Days, 2));
                }
            }
        }

        int Count(InterventionKind kind) => counts.Where(c => KindOf(c.Kind, c.Later ? 2 : 1) == kind).Sum(c => c.Count);
        IReadOnlyList<InterventionRow> table =
        [
            .. Enum.GetValues<InterventionKind>().Where(k => k != InterventionKind.PointInterventions).Select(k => new InterventionRow(k, Count(k), sums.GetValueOrDefault(k))),
            new InterventionRow(InterventionKind.PointInterventions, pointInterventions.Count, sums.GetValueOrDefault(InterventionKind.PointInterventions)),
        ];
        return new InterventionTable(table, [.. months.Where(m => attested.Contains(m.Number))], [.. months.Where(m => !attested.Contains(m.Number))],
            approved.Any(partial.Contains));
    }

    private static InterventionKind KindOf(string kind, int number) => kind switch
    {
        nameof(PeriodKind.Reflection) => InterventionKind.Reflection,
        nameof(PeriodKind.Extended) => number > 1 ? InterventionKind.ExtendedReducedRate : InterventionKind.ExtendedFullRate,
        nameof(PeriodKind.Integration) => InterventionKind.Integration,
        _ => InterventionKind.PointInterventions,
    };

    /// <summary>
    /// The months' approved sums by kind; summed by the database, except on SQLite, which keeps decimals as text (there the
    /// rows come and are summed here, as the budget does).
    /// </summary>
    private async Task<List<(string Kind, int Number, decimal Amount)>> SumMonthsAsync(List<int> months, CancellationToken cancellationToken)
    {
        if (months.Count == 0)
            return [];
        var (low, high) = (months.Min(), months.Max());
        // A range of the (Month, Amount) index; the months are consecutive but for attested ones, filtered after.
        var rows = db.CommitmentMonths.AsNoTracking().Where(m => m.Month >= low && m.Month <= high && m.Kind != MonthlyCommitment.PointInterventionKind);
        if (months.Count != MonthSpan(low, high))
            rows = rows.Where(m => months.Contains(m.Month));
        var grouped = rows.GroupBy(m => new { m.Kind, Later = m.Number > 1 });
        if (db.Database.IsSqlite())
            return [.. (await rows.Select(m => new { m.Kind, m.Number, m.Amount }).ToListAsync(cancellationToken))
                .GroupBy(m => (m.Kind, Later: m.Number > 1)).Select(g => (g.Key.Kind, g.Key.Later ? 2 : 1, g.Sum(m => m.Amount)))];
        return [.. (await grouped.Select(g => new { g.Key.Kind, g.Key.Later, Amount = g.Sum(m => m.Amount) }).ToListAsync(cancellationToken))
            .Select(g => (g.Kind, g.Later ? 2 : 1, g.Amount))];
    }

    private static int MonthSpan(int low, int high) => (high / 100 - low / 100) * 12 + high % 100 - low % 100 + 1;

    private static int Overlap(DateOnly first, DateOnly last) => Math.Max(0, last.DayNumber - first.DayNumber + 1);

    private static DateOnly Max(params ReadOnlySpan<DateOnly> days)
    {
        var max = days[0];
        foreach (var day in days)
            max = day > max ? day : max;
        return max;
    }

    private static DateOnly Min(params ReadOnlySpan<DateOnly> days)
    {
        var min = days[0];
        foreach (var day in days)
            min = day < min ? day : min;
        return min;
    }
}

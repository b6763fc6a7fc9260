using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Invoicing;

/// <summary>
/// Builds a case's lines of a month's invoice basis. Every line is what the days should pay now minus what was invoiced for
/// them before, day by day: for the month itself nothing was invoiced, so its lines are the days as approved; for each
/// earlier month already invoiced, a difference becomes a correction line naming that month (a day approved late adds it,
/// a period shortened after the month was invoiced takes its days back). Nothing is stored here and no line depends on when
/// the basis is built, so building it again gives the same lines.
/// </summary>
public static class InvoiceBasisBuilder
{
    /// <param name="case">The case as it stands now.</param>
    /// <param name="month">The month of the basis.</param>
    /// <param name="invoicedMonths">The months invoiced before (their bases exist), which differences are corrected for.</param>
    /// <param name="invoiced">Every line of the case invoiced before, corrections included.</param>
    /// <param name="tariffs">The tariffs with their history: each period is paid as the schedule stood when it was approved.</param>
    public static IReadOnlyList<InvoiceLine> Lines(
        InvoiceCase @case, InvoiceMonth month, IReadOnlySet<InvoiceMonth> invoicedMonths, IReadOnlyList<InvoiceLine> invoiced,
        TariffSchedule tariffs)
    {
        var months = new SortedSet<InvoiceMonth> { month };
        foreach (var earlier in invoicedMonths.Where(m => m < month && Touches(@case, invoiced, m)))
            months.Add(earlier);

        var lines = new List<InvoiceLine>();
        foreach (var covered in months)
        {
            var ledger = invoiced.Where(l => l.Covers == covered).ToList();
            lines.AddRange(PeriodLines(@case, covered, covered != month, ledger, tariffs));
            lines.AddRange(PointInterventionLines(@case, covered, covered != month, ledger));
        }
        return lines;
    }

    /// <summary>Whether the case has anything in the month, as it stands or as invoiced: only such months can need a correction.</summary>
    private static bool Touches(InvoiceCase @case, IReadOnlyList<InvoiceLine> invoiced, InvoiceMonth month) =>
        @case.Periods.Any(p => p.FirstDay <= month.LastDay && p.LastDay >= month.FirstDay)
        || @case.PointInterventions.Any(p => month.Contains(p.Date))
        || invoiced.Any(l => l.Covers == month);

    private static IEnumerable<InvoiceLine> PeriodLines(
        InvoiceCase @case, InvoiceMonth month, bool correction, List<InvoiceLine> ledger, TariffSchedule tariffs)
    {
        var periods = @case.Periods.Select(p => (p.Kind, p.Number))
            .Concat(ledger.Where(l => l.Kind == InvoiceLineKind.Period).Select(l => (Kind: l.PeriodKind!.Value, Number: l.PeriodNumber)))
            .Distinct()
            .OrderBy(p => p.Kind).ThenBy(p => p.Number);
        foreach (var (kind, number) in periods)
        {
            var period = @case.Periods.FirstOrDefault(p => p.Kind == kind && p.Number == number);
            var due = period is null ? [] : PeriodAmount.ByDay(period, month.FirstDay, month.LastDay, tariffs).ToDictionary(d => d.Day, d => d.Amount);
            var billed = ledger.Where(l => l.Kind == InvoiceLineKind.Period && l.PeriodKind == kind && l.PeriodNumber == number).ToList();

            // Runs of days with one and the same difference make one line each.
            (DateOnly First, DateOnly Last, PeriodAmount Daily)? run = null;
            for (var day = month.FirstDay; day <= month.LastDay.AddDays(1); day = day.AddDays(1))
            {
                var difference = day > month.LastDay ? PeriodAmount.Zero
                    : due.GetValueOrDefault(day, PeriodAmount.Zero) - InvoicedOn(billed, day);
                if (run is { } open && (open.Daily != difference || difference == PeriodAmount.Zero))
                {
                    yield return PeriodLine(@case, month, correction, kind, number, open.First, open.Last, open.Daily);
                    run = null;
                }
                if (difference != PeriodAmount.Zero && day <= month.LastDay)
                    run = run is { } same ? same with { Last = day } : (day, day, difference);
            }
        }
    }

    private static PeriodAmount InvoicedOn(List<InvoiceLine> lines, DateOnly day)
    {
        var sum = PeriodAmount.Zero;
        foreach (var line in lines)
        {
            if (line.FirstDay <= day && day <= line.LastDay)
                sum += line.Daily;
        }
        return sum;
    }

    private static InvoiceLine PeriodLine(
        InvoiceCase @case, InvoiceMonth month, bool correction, PeriodKind kind, int number, DateOnly first, DateOnly last, PeriodAmount daily)
    {
        var count = last.DayNumber - first.DayNumber + 1;
        // Days taken back count as negative days, so a line reads "-11 days" and its sum is negative.
        var days = daily.Total < 0 ? -count : count;
        return new InvoiceLine(@case.CaseId, @case.Reference, month, correction, InvoiceLineKind.Period, kind, number,
            first, last, days, daily, daily.Times(count));
    }

    private static IEnumerable<InvoiceLine> PointInterventionLines(InvoiceCase @case, InvoiceMonth month, bool correction, List<InvoiceLine> ledger)
    {
        var approved = @case.PointInterventions.Where(p => month.Contains(p.Date)).ToDictionary(p => p.Id);
        var billed = ledger.Where(l => l.Kind == InvoiceLineKind.PointIntervention)
            .GroupBy(l => l.PointInterventionId!.Value)
            .ToDictionary(g => g.Key, g => (Amount: g.Sum(l => l.PointInterventionAmount), Last: g.Last()));
        foreach (var id in approved.Keys.Concat(billed.Keys).Distinct().Order())
        {
            var due = approved.TryGetValue(id, out var intervention) ? intervention.Amount : 0m;
            var last = billed.TryGetValue(id, out var before) ? before.Last : null;
            var difference = due - (last is null ? 0m : before.Amount);
            if (difference == 0m)
                continue;
            // One no longer approved (or moved to another month) is taken back as it was invoiced.
            var day = intervention?.Date ?? last!.FirstDay;
            yield return new InvoiceLine(@case.CaseId, @case.Reference, month, correction, InvoiceLineKind.PointIntervention, null, 0,
                day, day, 0, PeriodAmount.Zero, PeriodAmount.Zero, id, intervention?.CategoryKey ?? last?.CategoryKey, difference,
                intervention is null ? last?.ReceiptReference : intervention.ReceiptReference);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Budget;
using NspWorkflow.Domain.Budget;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Web.Features.Budget;

/// <summary>
/// Keeps a case's commitment rows (by month, and its periods' outlook) equal to the case as it is stored, in the same unit
/// of work: approving a period adds its months, shortening it removes or lowers them; the months' totals change by the
/// same difference, so the budget reads the totals.
/// </summary>
public sealed class CaseCommitments(NspDbContext db, TariffSchedule tariffs, CommitmentTotals totals)
{
    public async Task WriteAsync(Case changed, CancellationToken cancellationToken)
    {
        var @case = InvoiceCase.Of(changed);
        // Only an open, active case's periods can still be renewed: kept on the period rows so the forecast reads no case.
        var running = changed.Status == CaseStatus.Active && changed.Outcome == CaseOutcome.Open;
        var months = CommitmentLedger.Months(@case, tariffs).ToDictionary(m => (m.Kind, m.Number, m.Month.Number));
        var stored = await db.CommitmentMonths.Where(m => m.CaseId == @case.CaseId).ToListAsync(cancellationToken);
        var differences = new Dictionary<int, decimal>();
        foreach (var m in months.Values)
            differences[m.Month.Number] = differences.GetValueOrDefault(m.Month.Number) + m.Amount;
        foreach (var row in stored)
        {
            differences[row.Month] = differences.GetValueOrDefault(row.Month) - row.Amount;
            if (months.Remove((row.Kind, row.Number, row.Month), out var now))
            {
                row.Days = now.Days;
                row.Amount = now.Amount;
            }
            else
            {
                db.CommitmentMonths.Remove(row);
            }
        }
        db.CommitmentMonths.AddRange(months.Values.Select(m => new CommitmentMonthRow
        {
            Id = Guid.NewGuid(), CaseId = @case.CaseId, Kind = m.Kind, Number = m.Number, Month = m.Month.Number, Days = m.Days, Amount = m.Amount,
        }));
        totals.Add(differences);

        var periods = CommitmentLedger.Outlook(@case, tariffs).ToDictionary(p => (p.Kind.ToString(), p.Number));
        foreach (var row in await db.CommitmentPeriods.Where(p => p.CaseId == @case.CaseId).ToListAsync(cancellationToken))
        {
            if (periods.Remove((row.Kind, row.Number), out var now))
                Copy(now, row, running);
            else
                db.CommitmentPeriods.Remove(row);
        }
        db.CommitmentPeriods.AddRange(periods.Values.Select(p => Copy(p, new CommitmentPeriodRow { Id = Guid.NewGuid(), CaseId = @case.CaseId }, running)));
    }

    private static CommitmentPeriodRow Copy(PeriodOutlook period, CommitmentPeriodRow row, bool running)
    {
        row.CaseRunning = running;
        row.Kind = period.Kind.ToString();
        row.Number = period.Number;
        row.FirstDay = period.FirstDay;
        row.LastDay = period.LastDay;
        row.Renewed = period.Renewed;
        row.Renewable = period.Renewable;
        row.RenewalDaily = period.RenewalDaily;
        row.RenewalDays = period.RenewalDays;
        return row;
    }
}

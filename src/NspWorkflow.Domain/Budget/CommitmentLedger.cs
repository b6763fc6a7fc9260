using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Budget;

/// <summary>What a case has been approved for in one month: a period's days there and their sum, or the month's point interventions.</summary>
public sealed record MonthlyCommitment(string Kind, int Number, InvoiceMonth Month, int Days, decimal Amount)
{
    public const string PointInterventionKind = "PointIntervention";
}

/// <summary>
/// A period as the forecast reads it: when it ends, whether it was renewed (another extended period follows), whether its
/// number lets it be renewed, and what a renewal would cost a day and for how many days (the tariff's extended period on
/// the terms of its last day).
/// </summary>
public sealed record PeriodOutlook(
    PeriodKind Kind, int Number, DateOnly FirstDay, DateOnly LastDay, bool Renewed, bool Renewable, decimal RenewalDaily, int RenewalDays);

/// <summary>The money a case commits, month by month, and its periods' outlook: stored with the case, summed by the budget.</summary>
public static class CommitmentLedger
{
    public static IReadOnlyList<MonthlyCommitment> Months(InvoiceCase @case, TariffSchedule tariffs)
    {
        var months = new List<MonthlyCommitment>();
        foreach (var period in @case.Periods)
        {
            foreach (var month in PeriodAmount.ByDay(period, period.FirstDay, period.LastDay, tariffs).GroupBy(d => InvoiceMonth.Of(d.Day)))
                months.Add(new(period.Kind.ToString(), period.Number, month.Key, month.Count(), month.Sum(d => d.Amount.Total)));
        }
        foreach (var month in @case.PointInterventions.GroupBy(p => InvoiceMonth.Of(p.Date)))
            months.Add(new(MonthlyCommitment.PointInterventionKind, 0, month.Key, 0, month.Sum(p => p.Amount)));
        return months;
    }

    public static IReadOnlyList<PeriodOutlook> Outlook(InvoiceCase @case, TariffSchedule tariffs) =>
        [.. @case.Periods.Select(period =>
        {
            var renewed = @case.Periods.Any(n => n.Kind == PeriodKind.Extended && n.FirstDay == period.LastDay.AddDays(1));
            var next = period.Kind == PeriodKind.Reflection ? 1 : period.Number + 1;
            var day = period.LastDay.AddDays(1);
            var renewable = period.Kind != PeriodKind.Integration && tariffs.TryInForceOn(day, out var tariff) && next <= tariff.Extended.MaxPeriods;
            var renewal = new SupportPeriod(PeriodKind.Extended, next, day, day, period.TermsOn(period.LastDay));
            return new PeriodOutlook(period.Kind, period.Number, period.FirstDay, period.LastDay, renewed, renewed || renewable,
                renewable ? PeriodAmount.OnDay(renewal, day, tariffs).Total : 0m, renewable ? tariffs.InForceOn(day).Extended.MaxDays : 0);
        })];
}

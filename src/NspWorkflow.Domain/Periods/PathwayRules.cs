using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Periods;

/// <summary>The rules a case's whole sequence of periods must keep, whatever a workflow definition does.</summary>
internal static class PathwayRules
{
    public static List<RuleViolation> Check(IReadOnlyList<SupportPeriod> periods, IReadOnlyList<PoliceReport> reports, TariffSchedule tariffs)
    {
        var violations = new List<RuleViolation>();
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var field = $"Periods[{i}]";
            violations.AddRange(period.Validate(tariffs).Select(v => v with { Field = $"{field}.{v.Field}" }));

            // Reflection comes first and once; extended and integration follow reflection or extended; nothing follows integration.
            var previous = i == 0 ? (PeriodKind?)null : periods[i - 1].Kind;
            var inOrder = period.Kind == PeriodKind.Reflection
                ? previous is null
                : previous is PeriodKind.Reflection or PeriodKind.Extended;
            var expectedNumber = periods.Take(i).Count(p => p.Kind == period.Kind) + 1;
            if (!inOrder)
                violations.Add(new($"{field}.Kind", RuleViolationCode.OutOfOrder));
            else if (period.Number != expectedNumber)
                violations.Add(new($"{field}.Number", RuleViolationCode.Invalid, expectedNumber));

            if (i > 0)
            {
                var next = periods[i - 1].LastDay.AddDays(1);
                if (period.FirstDay < next)
                    violations.Add(new($"{field}.FirstDay", RuleViolationCode.PeriodsOverlap));
                else if (period.FirstDay > next)
                    violations.Add(new($"{field}.FirstDay", RuleViolationCode.PeriodsNotContiguous));
            }
        }

        CheckPoliceReports(periods, reports, violations);
        return violations;
    }

    private static void CheckPoliceReports(IReadOnlyList<SupportPeriod> periods, IReadOnlyList<PoliceReport> reports, List<RuleViolation> violations)
    {
        for (var i = 0; i < reports.Count; i++)
        {
            if (!periods.Any(p => CasePeriods.CanTakeReport(p, reports[i].Date)))
                violations.Add(new($"PoliceReports[{i}].Date", RuleViolationCode.OutsidePeriod));
        }

        var granted = reports.Where(r => r.MmmGranted).ToList();
        if (granted.Count > 1)
            violations.Add(new("PoliceReports", RuleViolationCode.Duplicate));
        if (granted.Count == 0)
            return;

        // MMM granted: the state takes over, so the period running that day ends on it and no period follows.
        var day = granted[0].Date;
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].Contains(day) && periods[i].LastDay != day)
                violations.Add(new($"Periods[{i}].LastDay", RuleViolationCode.DailyFundingEnded));
            if (periods[i].FirstDay > day)
                violations.Add(new($"Periods[{i}].FirstDay", RuleViolationCode.DailyFundingEnded));
        }
    }
}

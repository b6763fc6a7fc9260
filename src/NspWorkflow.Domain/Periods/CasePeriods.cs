using NspWorkflow.Domain.PointInterventions;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Periods;

/// <summary>
/// The daily-funded periods of one case, the police reports that can end them, and its point interventions. Every change builds
/// the new state, checks all rules on it, and only then replaces the old one: a refused change leaves
/// nothing changed.
/// </summary>
public sealed class CasePeriods
{
    private List<SupportPeriod> periods = [];
    private List<PoliceReport> policeReports = [];
    private readonly List<PointIntervention> pointInterventions = [];

    public IReadOnlyList<SupportPeriod> Periods => periods;
    public IReadOnlyList<PoliceReport> PoliceReports => policeReports;
    public IReadOnlyList<PointIntervention> PointInterventions => pointInterventions;

    /// <summary><see cref="CaseOutcome.Mmm"/> once a police report with the state's reflection period granted is applied.</summary>
    public CaseOutcome Outcome => OutcomeOf(policeReports);

    /// <summary>Rebuilds a case's periods from storage, refusing any history that breaks a rule.</summary>
    /// <exception cref="RuleViolationException">The history breaks a rule.</exception>
    public static CasePeriods Restore(
        IEnumerable<SupportPeriod> periods,
        IEnumerable<PoliceReport> policeReports,
        IEnumerable<PointIntervention> pointInterventions,
        TariffSchedule tariffs)
    {
        var result = new CasePeriods();
        result.Replace(periods.ToList(), policeReports.ToList(), tariffs);
        foreach (var intervention in pointInterventions)
            result.AddPointIntervention(intervention, tariffs);
        return result;
    }

    /// <summary>Adds a point intervention; possible in every phase, also after <see cref="CaseOutcome.Mmm"/>.</summary>
    public void AddPointIntervention(PointIntervention intervention, TariffSchedule tariffs)
    {
        var violations = intervention.Validate(tariffs);
        if (violations.Count > 0)
            throw new RuleViolationException(violations);
        pointInterventions.Add(intervention);
    }

    /// <summary>Starts the reflection with the tariff's maximum days (last day = first + max - 1), or fewer.</summary>
    public SupportPeriod StartReflection(DateOnly firstDay, PeriodTerms terms, TariffSchedule tariffs, int? days = null)
    {
        var length = days ?? MaxDaysOn(firstDay, tariffs, t => t.Reflection.MaxDays);
        return Add(new SupportPeriod(PeriodKind.Reflection, 1, firstDay, LastDayOf(firstDay, length), terms, TariffRevision: tariffs.Revision), tariffs);
    }

    /// <summary>Starts the next extended period the day after the previous period's last day.</summary>
    public SupportPeriod StartExtended(PeriodTerms terms, TariffSchedule tariffs, int? days = null) =>
        StartNext(PeriodKind.Extended, terms, tariffs, days, t => t.Extended.MaxDays);

    /// <summary>Starts integration the day after the previous period's last day; needs a comprehensive needs assessment in <paramref name="terms"/>.</summary>
    public SupportPeriod StartIntegration(PeriodTerms terms, TariffSchedule tariffs, int? days = null) =>
        StartNext(PeriodKind.Integration, terms, tariffs, days, t => t.Integration.MaxDays);

    /// <summary>
    /// Support ends early: <paramref name="lastDay"/>, inside the last period, becomes its last funded day. After MMM the
    /// state already funds the days, so nothing changes.
    /// </summary>
    public void EndOn(DateOnly lastDay, TariffSchedule tariffs)
    {
        if (Outcome == CaseOutcome.Mmm)
            return;
        if (periods.Count == 0 || !periods[^1].Contains(lastDay))
            throw new RuleViolationException([new("lastDay", RuleViolationCode.OutsidePeriod)]);
        Replace([.. periods[..^1], periods[^1].EndingOn(lastDay)], policeReports, tariffs);
    }

    /// <summary>
    /// The first day the next period may be asked for: the last period's last days (the tariff's
    /// <see cref="Tariff.NextPeriodApplicationDays"/> in force the day after it), and never before that period has begun.
    /// </summary>
    public DateOnly ApplicationOpensOn(TariffSchedule tariffs)
    {
        if (periods.Count == 0)
            throw new RuleViolationException([new(nameof(Periods), RuleViolationCode.OutOfOrder)]);
        var last = periods[^1];
        var window = tariffs.TryInForceOn(last.LastDay.AddDays(1), out var tariff) ? tariff.NextPeriodApplicationDays : Tariff.DefaultNextPeriodApplicationDays;
        var opens = last.LastDay.AddDays(1 - window);
        return opens > last.FirstDay ? opens : last.FirstDay;
    }

    /// <summary>
    /// Records a police report filed during the reflection or an extended period (002: extended support is for those who
    /// do not get the state's support). With MMM granted the state pays from then on (001: NSP pays "när samhället inte
    /// via aktörerna i MMM står för kostnaderna"): the report's date becomes the running period's last funded day, an
    /// approved period that has not begun by then is cancelled, and the outcome is <see cref="CaseOutcome.Mmm"/>. Without
    /// MMM the periods run on.
    /// </summary>
    public void ApplyPoliceReport(DateOnly date, bool mmmGranted, TariffSchedule tariffs)
    {
        if (!periods.Any(p => CanTakeReport(p, date)))
            throw new RuleViolationException([new("date", RuleViolationCode.OutsidePeriod)]);
        if (mmmGranted && Outcome == CaseOutcome.Mmm)
            throw new RuleViolationException([new("mmmGranted", RuleViolationCode.Duplicate)]);

        var newPeriods = mmmGranted
            ? [.. periods.Where(p => p.FirstDay <= date).Select(p => p.Contains(date) ? p.EndingOn(date) : p)]
            : periods;
        Replace(newPeriods, [.. policeReports, new PoliceReport(date, mmmGranted)], tariffs);
    }

    /// <summary>
    /// The terms change from <paramref name="from"/> on (a child joins or leaves, the public starts or stops paying a part):
    /// the period running that day is paid on the new terms from that day, every later period from its start. Periods
    /// that ended before are paid as they were. <paramref name="change"/> gives the new terms from the old for a period.
    /// </summary>
    public void ChangeTermsFrom(DateOnly from, Func<SupportPeriod, PeriodTerms, PeriodTerms> change, TariffSchedule tariffs)
    {
        if (periods.Count == 0 || from < periods[0].FirstDay)
            throw new RuleViolationException([new("from", RuleViolationCode.OutsidePeriod)]);
        List<SupportPeriod> changed = [.. periods.Select(p =>
            p.LastDay < from ? p
            : p.FirstDay >= from ? p with { Terms = change(p, p.Terms), Changes = p.Changes is null ? null : [.. p.Changes.Select(c => c with { Terms = change(p, c.Terms) })] }
            : p with
            {
                Changes =
                [
                    .. (p.Changes ?? []).Where(c => c.From < from),
                    new TermsChange(from, change(p, p.TermsOn(from))),
                    .. (p.Changes ?? []).Where(c => c.From > from).Select(c => c with { Terms = change(p, c.Terms) }),
                ],
            })];
        Replace(changed, policeReports, tariffs);
    }

    /// <summary>A police report is about the reflection or extended support; integration is the way out, not a new track.</summary>
    internal static bool CanTakeReport(SupportPeriod period, DateOnly date) =>
        period.Kind is PeriodKind.Reflection or PeriodKind.Extended && period.Contains(date);

    private SupportPeriod StartNext(PeriodKind kind, PeriodTerms terms, TariffSchedule tariffs, int? days, Func<Tariff, int> maxDays)
    {
        if (periods.Count == 0)
            throw new RuleViolationException([new(nameof(Periods), RuleViolationCode.OutOfOrder)]);

        var firstDay = periods[^1].LastDay.AddDays(1);
        var number = periods.Count(p => p.Kind == kind) + 1;
        var length = days ?? MaxDaysOn(firstDay, tariffs, maxDays);
        return Add(new SupportPeriod(kind, number, firstDay, LastDayOf(firstDay, length), terms, TariffRevision: tariffs.Revision), tariffs);
    }

    private SupportPeriod Add(SupportPeriod period, TariffSchedule tariffs)
    {
        Replace([.. periods, period], policeReports, tariffs);
        return period;
    }

    private void Replace(List<SupportPeriod> newPeriods, List<PoliceReport> newReports, TariffSchedule tariffs)
    {
        var violations = PathwayRules.Check(newPeriods, newReports, tariffs);
        if (violations.Count > 0)
            throw new RuleViolationException(violations);
        periods = newPeriods;
        policeReports = newReports;
    }

    internal static CaseOutcome OutcomeOf(IEnumerable<PoliceReport> reports) =>
        reports.Any(r => r.MmmGranted) ? CaseOutcome.Mmm : CaseOutcome.Open;

    /// <summary>The maximum of the tariff in force on the first day; with none in force, 1 so the check names the missing tariff.</summary>
    private static int MaxDaysOn(DateOnly day, TariffSchedule tariffs, Func<Tariff, int> maxDays) =>
        tariffs.TryInForceOn(day, out var tariff) ? Math.Max(maxDays(tariff), 1) : 1;

    private static DateOnly LastDayOf(DateOnly firstDay, int days) => firstDay.AddDays(days - 1);
}

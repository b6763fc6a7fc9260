using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Periods;

/// <summary>What a period pays, by component, in SEK.</summary>
public sealed record PeriodAmount(
    decimal AdultHousingAndFood,
    decimal AdultProtectionAndSupport,
    decimal IntegrationSupport,
    decimal ChildSupplement,
    decimal MotivatedSupplement)
{
    public static PeriodAmount Zero { get; } = new(0m, 0m, 0m, 0m, 0m);

    public decimal Total => AdultHousingAndFood + AdultProtectionAndSupport + IntegrationSupport + ChildSupplement + MotivatedSupplement;

    public static PeriodAmount operator +(PeriodAmount a, PeriodAmount b) => new(
        a.AdultHousingAndFood + b.AdultHousingAndFood,
        a.AdultProtectionAndSupport + b.AdultProtectionAndSupport,
        a.IntegrationSupport + b.IntegrationSupport,
        a.ChildSupplement + b.ChildSupplement,
        a.MotivatedSupplement + b.MotivatedSupplement);

    /// <summary>
    /// Sums the period day by day, each day at the tariff in force on that day, so a period spanning a
    /// tariff change pays each side at its own rates.
    /// </summary>
    /// <exception cref="RuleViolationException">The period breaks a rule (<see cref="SupportPeriod.Validate"/>).</exception>
    public static PeriodAmount Calculate(SupportPeriod period, TariffSchedule tariffs)
    {
        var violations = period.Validate(tariffs);
        if (violations.Count > 0)
            throw new RuleViolationException(violations);

        // The tariffs as they stood when the period was approved: a tariff added since never changes these days.
        var known = tariffs.AsOf(period.TariffRevision);
        var total = Zero;
        for (var day = period.FirstDay; day <= period.LastDay; day = day.AddDays(1))
            total += ForDay(period, period.TermsOn(day), known.InForceOn(day));
        return total;
    }

    /// <summary>
    /// What one day of the period pays, at the tariff in force that day as the schedule stood when the period was approved;
    /// <see cref="PeriodAmount.Zero"/> for a day outside it. The invoice basis is built from these days.
    /// </summary>
    public static PeriodAmount OnDay(SupportPeriod period, DateOnly day, TariffSchedule tariffs) =>
        period.Contains(day) ? ForDay(period, period.TermsOn(day), tariffs.AsOf(period.TariffRevision).InForceOn(day)) : Zero;

    /// <summary>
    /// Each day of the period from <paramref name="from"/> to <paramref name="to"/> with what it pays (as <see cref="OnDay"/>);
    /// the schedule of the period's revision is found once, not per day.
    /// </summary>
    public static IEnumerable<(DateOnly Day, PeriodAmount Amount)> ByDay(SupportPeriod period, DateOnly from, DateOnly to, TariffSchedule tariffs)
    {
        var known = tariffs.AsOf(period.TariffRevision);
        var first = from > period.FirstDay ? from : period.FirstDay;
        var last = to < period.LastDay ? to : period.LastDay;
        for (var day = first; day <= last; day = day.AddDays(1))
            yield return (day, ForDay(period, period.TermsOn(day), known.InForceOn(day)));
    }

    /// <summary>The amount of <paramref name="days"/> days at this daily amount (negative days: a correction taking them back).</summary>
    public PeriodAmount Times(int days) => new(
        AdultHousingAndFood * days, AdultProtectionAndSupport * days, IntegrationSupport * days, ChildSupplement * days, MotivatedSupplement * days);

    public static PeriodAmount operator -(PeriodAmount a, PeriodAmount b) => a + b.Times(-1);

    private static PeriodAmount ForDay(SupportPeriod period, PeriodTerms terms, Tariff tariff)
    {
        var reflection = tariff.Reflection;
        var (housing, protection, integration, paysChildren, paysMotivated) = period.Kind switch
        {
            PeriodKind.Reflection => (reflection.HousingAndFoodPerDay, reflection.ProtectionAndSupportPerDay, 0m, true, true),
            PeriodKind.Extended => (
                Reduced(tariff.Extended.FirstPeriodHousingAndFoodPerDay, period, tariff),
                Reduced(tariff.Extended.FirstPeriodProtectionAndSupportPerDay, period, tariff),
                0m, tariff.Extended.PaysChildSupplement, tariff.Extended.PaysMotivatedSupplement),
            _ => (0m, 0m, tariff.Integration.DailyRate, tariff.Integration.PaysChildSupplement, tariff.Integration.PaysMotivatedSupplement),
        };

        // When the public pays one part, only the other is paid.
        return new PeriodAmount(
            terms.PublicPaysHousing ? 0m : housing,
            terms.PublicPaysProtection ? 0m : protection,
            integration,
            paysChildren ? reflection.ChildSupplementPerDay * terms.AccompanyingChildrenInSweden : 0m,
            paysMotivated && terms.MotivatedSupplementApproved ? reflection.MotivatedSupplementPerDay : 0m);
    }

    /// <summary>Extended periods after the first pay the adult rate times the factor, rounded to whole öre.</summary>
    private static decimal Reduced(decimal rate, SupportPeriod period, Tariff tariff) =>
        period.Number >= 2 ? decimal.Round(rate * tariff.Extended.LaterPeriodAdultFactor, 2, MidpointRounding.AwayFromZero) : rate;
}

using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Cases;

/// <summary>
/// What changes a running case's daily amount from a day on: a child joining or leaving, and the public paying one part.
/// Each is paid by day: the period running that day on the new terms from it, later periods from their start.
/// </summary>
public sealed partial class Case
{
    /// <summary>
    /// A child joins the person (born during the case, or arriving) on <paramref name="from"/>, a day of a running or
    /// approved period; a child in Sweden brings the child supplement from that day (not in integration).
    /// </summary>
    public void AddChild(Child child, DateOnly from, TariffSchedule tariffs)
    {
        Require(CaseStatus.Active);
        var violations = new List<RuleViolation>();
        if (Application.Children.Count >= CaseApplication.MaxChildren)
            violations.Add(new("children", RuleViolationCode.TooMany, CaseApplication.MaxChildren));
        if (child.BirthYear < Application.BirthYear || child.BirthYear > from.Year)
            violations.Add(new("birthYear", RuleViolationCode.OutOfRange, Application.BirthYear, from.Year));
        if (!periods.Periods.Any(p => p.Contains(from)))
            violations.Add(new("from", RuleViolationCode.OutsidePeriod));
        if (violations.Count > 0)
            throw new RuleViolationException(violations);

        if (child.InSweden)
            periods.ChangeTermsFrom(from, (p, t) => p.Kind == PeriodKind.Integration ? t
                : t with { AccompanyingChildrenInSweden = t.AccompanyingChildrenInSweden + 1 }, tariffs);
        Application = Application with { Children = [.. Application.Children, child with { JoinedOn = from, LeftOn = null }] };
    }

    /// <summary>
    /// The child at <paramref name="index"/> left the person; <paramref name="lastDay"/>, a day of a period, is the last
    /// day its supplement is paid (as the last day of support is when support ends).
    /// </summary>
    public void ChildLeft(int index, DateOnly? lastDay, TariffSchedule tariffs)
    {
        Require(CaseStatus.Active);
        if (index < 0 || index >= Application.Children.Count || Application.Children[index].LeftOn is not null)
            throw new RuleViolationException([new("child", RuleViolationCode.NotFound)]);
        if (lastDay is not { } day)
            throw new RuleViolationException([new("lastDay", RuleViolationCode.Required)]);
        var child = Application.Children[index];
        if (!periods.Periods.Any(p => p.Contains(day)) || (child.JoinedOn is { } joined && day < joined))
            throw new RuleViolationException([new("lastDay", RuleViolationCode.OutsidePeriod)]);

        if (child.InSweden)
            periods.ChangeTermsFrom(day.AddDays(1), (p, t) => p.Kind == PeriodKind.Integration ? t
                : t with { AccompanyingChildrenInSweden = Math.Max(0, t.AccompanyingChildrenInSweden - 1) }, tariffs);
        Application = Application with { Children = [.. Application.Children.Select((c, i) => i == index ? c with { LeftOn = day } : c)] };
    }

    /// <summary>
    /// From <paramref name="from"/>, a day of a reflection or extended period, the public pays housing and food, or
    /// protection and support, and the program the other part only (000: "Beloppet upp i 1) stöd och 2) hyreskostnad");
    /// neither: the program pays both again. Integration's one rate has no parts and stays as it is.
    /// </summary>
    public void PublicPaysFrom(DateOnly from, bool housing, bool protection, TariffSchedule tariffs)
    {
        Require(CaseStatus.Active);
        if (housing && protection)
            throw new RuleViolationException([new("protection", RuleViolationCode.PublicPaysBoth)]);
        if (!periods.Periods.Any(p => p.Kind != PeriodKind.Integration && p.Contains(from)))
            throw new RuleViolationException([new("from", RuleViolationCode.OutsidePeriod)]);
        periods.ChangeTermsFrom(from, (p, t) => p.Kind == PeriodKind.Integration ? t
            : t with { PublicPaysHousing = housing, PublicPaysProtection = protection }, tariffs);
    }
}

using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Domain.Certification;

/// <summary>What a deadline is about: the certification's last day, or an action of the plan.</summary>
public enum DeadlineKind
{
    Recertification,
    Action,
}

/// <summary>A deadline binding a shelter: its certification's last day, or an action's deadline (with the action's id).</summary>
public sealed record CertificationDeadline(Guid ShelterId, DeadlineKind Kind, DateOnly Date, Guid? ActionId = null);

/// <summary>Where a deadline stands on a day: a reminder due (days before), overdue, or nothing to say.</summary>
public abstract record DeadlineState
{
    private DeadlineState() { }

    /// <summary>The reminder of this many days before (60, 30 or 7) is due.</summary>
    public sealed record Reminder(int DaysBefore) : DeadlineState;

    /// <summary>The deadline has passed: for an action, overdue; for the certification, lapsed.</summary>
    public sealed record Passed(int DaysAfter) : DeadlineState;

    public sealed record Quiet : DeadlineState;
}

/// <summary>
/// The reminder rule: a shelter is reminded 60, 30 and 7 days before a deadline. The reminder due on a day is the latest
/// step reached, so a job that missed days sends the one that matters now, not all the ones it missed.
/// </summary>
public static class CertificationDeadlines
{
    public static readonly IReadOnlyList<int> ReminderDays = [7, 30, 60];

    public static DeadlineState On(DateOnly deadline, DateOnly today)
    {
        var left = deadline.DayNumber - today.DayNumber;
        if (left < 0)
            return new DeadlineState.Passed(-left);
        foreach (var days in ReminderDays)
        {
            if (left <= days)
                return new DeadlineState.Reminder(days);
        }

        return new DeadlineState.Quiet();
    }

    /// <summary>
    /// A shelter's deadlines: its certification's last day while the register says certified, and each action of its
    /// latest certification not yet accepted.
    /// </summary>
    public static IEnumerable<CertificationDeadline> Of(Shelter shelter, ShelterCertification? certification) =>
        Of(shelter.Id, shelter.CertificationStatus == CertificationStatus.Certified ? shelter.CertifiedUntil : null, certification);

    /// <summary>A shelter's deadlines: its certification's last day while it is certified, and each action not yet accepted.</summary>
    public static IEnumerable<CertificationDeadline> Of(Guid shelterId, DateOnly? certifiedUntil, ShelterCertification? certification)
    {
        if (certifiedUntil is { } until)
            yield return new CertificationDeadline(shelterId, DeadlineKind.Recertification, until);
        if (certification is { Stage: CertificationStage.ActionPlan })
        {
            foreach (var action in certification.PendingActions)
                yield return new CertificationDeadline(shelterId, DeadlineKind.Action, action.Deadline, action.Id);
        }
    }
}

namespace NspWorkflow.Domain.Certification;

/// <summary>The yearly statistics a certified shelter reports for the platform's compilation of civil society's contacts.</summary>
public sealed record YearlyStatistics(int PersonsContacted, int PersonsHoused, int AccompanyingChildren)
{
    public const int Max = 100_000;
}

/// <summary>A training or experience exchange the platform offered and the shelter attended.</summary>
public sealed record TrainingAttendance(DateOnly Date, string Event)
{
    public const int MaxEventLength = 200;
}

public enum RoutineCheckStatus
{
    /// <summary>The shelter is to submit (again, when it was returned).</summary>
    Open,

    /// <summary>Submitted: the coordinator completes or returns it.</summary>
    Submitted,

    /// <summary>Completed: the certification was renewed for a year.</summary>
    Completed,
}

/// <summary>
/// Step 3 of certification ("Utveckling"): each year the shelter submits its yearly statistics and the trainings it
/// attended (at least one in the year), and the coordinator completes the check, which renews the certification a year.
/// </summary>
public sealed class RoutineCheck
{
    public Guid Id { get; init; }
    public Guid ShelterId { get; init; }
    public int Year { get; init; }
    public RoutineCheckStatus Status { get; set; }
    public YearlyStatistics? Statistics { get; set; }
    public List<TrainingAttendance> Trainings { get; set; } = [];
    public string? ReturnComment { get; set; }
    public DateOnly? CompletedOn { get; set; }

    public static RoutineCheck Start(Guid id, Guid shelterId, int year) => new() { Id = id, ShelterId = shelterId, Year = year };

    public void Submit(YearlyStatistics statistics, IReadOnlyList<TrainingAttendance> trainings, DateOnly today)
    {
        if (Status != RoutineCheckStatus.Open)
            throw new RuleViolationException([new("status", RuleViolationCode.WrongStage)]);
        var violations = new List<RuleViolation>();
        foreach (var (field, value) in new[]
                 {
                     ("personsContacted", statistics.PersonsContacted), ("personsHoused", statistics.PersonsHoused),
                     ("accompanyingChildren", statistics.AccompanyingChildren),
                 })
        {
            if (value is < 0 or > YearlyStatistics.Max)
                violations.Add(new($"statistics.{field}", RuleViolationCode.OutOfRange, 0, YearlyStatistics.Max));
        }

        for (var i = 0; i < trainings.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(trainings[i].Event))
                violations.Add(new($"trainings[{i}].event", RuleViolationCode.Required));
            else if (trainings[i].Event.Trim().Length > TrainingAttendance.MaxEventLength)
                violations.Add(new($"trainings[{i}].event", RuleViolationCode.TooLong, TrainingAttendance.MaxEventLength));
            if (trainings[i].Date > today)
                violations.Add(new($"trainings[{i}].date", RuleViolationCode.InFuture));
        }

        // The program asks for at least one of the platform's events a year: one attended in the check's year.
        if (!trainings.Any(t => t.Date.Year == Year && t.Date <= today && !string.IsNullOrWhiteSpace(t.Event)))
            violations.Add(new("trainings", RuleViolationCode.TrainingRequired, Year));
        if (violations.Count > 0)
            throw new RuleViolationException(violations);

        Statistics = statistics;
        Trainings = [.. trainings.Select(t => t with { Event = t.Event.Trim() })];
        ReturnComment = null;
        Status = RoutineCheckStatus.Submitted;
    }

    public void Return(string comment)
    {
        if (Status != RoutineCheckStatus.Submitted)
            throw new RuleViolationException([new("status", RuleViolationCode.WrongStage)]);
        ReturnComment = ShelterCertification.RequireComment(comment, "comment");
        Status = RoutineCheckStatus.Open;
    }

    /// <summary>
    /// Completes the check and returns the certification's new last day: a year after the current one while it is valid
    /// (renewing early loses no days), a year from today when it has lapsed.
    /// </summary>
    public DateOnly Complete(DateOnly? validUntil, DateOnly today)
    {
        if (Status != RoutineCheckStatus.Submitted)
            throw new RuleViolationException([new("status", RuleViolationCode.WrongStage)]);
        Status = RoutineCheckStatus.Completed;
        CompletedOn = today;
        return validUntil is { } until && until >= today ? until.AddYears(1) : ShelterCertification.OneYearFrom(today);
    }
}

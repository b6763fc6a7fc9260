using NspWorkflow.Domain;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>routine-check-report</c>: the shelter reports the year's statistics (persons contacted, persons housed, accompanying
/// children) and the platform's trainings it attended, at least one in the check's year. The page has three training
/// rows; a row left empty is none, and errors name the row as the page shows it.
/// </summary>
public sealed class RoutineCheckReportForm(TimeProvider time) : TaskForm<RoutineCheckSubject, RoutineCheckReportData>
{
    public const string Submit = "submit";

    /// <summary>The training rows the page offers; the API takes any number.</summary>
    public const int TrainingRows = 3;

    public override string Key => "routine-check-report";

    public override string SubjectKind => RoutineCheckNames.SubjectKind;

    public override string Label => "RoutineCheck.ReportTask";

    public override IReadOnlyList<string> Outcomes { get; } = [Submit];

    public override string? View => "/Pathways/Forms/_RoutineCheckReport.cshtml";

    public override string? InputIdOf(string field) => field switch
    {
        "statistics.personsContacted" => "Input_PersonsContacted",
        "statistics.personsHoused" => "Input_PersonsHoused",
        "statistics.accompanyingChildren" => "Input_AccompanyingChildren",
        "trainings" => "training-0-date",
        _ when TrainingField(field) is { } training => $"training-{training.Row}-{training.Part}",
        _ => null,
    };

    public override string? LabelOf(string field) => field switch
    {
        "statistics.personsContacted" => "RoutineCheck.PersonsContacted",
        "statistics.personsHoused" => "RoutineCheck.PersonsHoused",
        "statistics.accompanyingChildren" => "RoutineCheck.AccompanyingChildren",
        "trainings" => "RoutineCheck.Trainings",
        _ when TrainingField(field) is { Part: "date" } => "RoutineCheck.TrainingDate",
        _ when TrainingField(field) is { Part: "event" } => "RoutineCheck.TrainingEvent",
        _ => null,
    };

    /// <summary>The page starts from the earlier report after a return, and always shows at least the page's rows.</summary>
    protected override RoutineCheckReportData InputFor(RoutineCheckSubject subject)
    {
        var trainings = subject.Check.Trainings.Select(t => new TrainingData { Date = t.Date, Event = t.Event }).ToList();
        while (trainings.Count < TrainingRows)
            trainings.Add(new TrainingData());
        var statistics = subject.Check.Statistics;
        return new RoutineCheckReportData
        {
            Statistics = new StatisticsData
            {
                PersonsContacted = statistics?.PersonsContacted, PersonsHoused = statistics?.PersonsHoused, AccompanyingChildren = statistics?.AccompanyingChildren,
            },
            Trainings = trainings,
        };
    }

    protected override ValueTask<Action<RoutineCheckSubject>?> PrepareAsync(TaskFormContext context, RoutineCheckReportData data, List<RuleViolation> violations,
        CancellationToken cancellationToken)
    {
        // JSON may send null for either: the same as nothing given.
        var counts = data.Statistics ?? new StatisticsData();
        var given = data.Trainings ?? [];
        foreach (var (field, value) in new[]
                 {
                     ("personsContacted", counts.PersonsContacted), ("personsHoused", counts.PersonsHoused), ("accompanyingChildren", counts.AccompanyingChildren),
                 })
        {
            if (value is null)
                violations.Add(new($"statistics.{field}", RuleViolationCode.Required));
        }

        // A row with only one of its two fields is half a training: named at the missing one, by the row as sent.
        var rows = new List<int>();
        for (var i = 0; i < given.Count; i++)
        {
            var (date, name) = (given[i]?.Date, Given(given[i]?.Event));
            if (date is null && name is null)
                continue;
            if (date is null)
                violations.Add(new($"trainings[{i}].date", RuleViolationCode.Required));
            if (name is null)
                violations.Add(new($"trainings[{i}].event", RuleViolationCode.Required));
            rows.Add(i);
        }

        if (violations.Count > 0)
            return ValueTask.FromResult<Action<RoutineCheckSubject>?>(null);

        var statistics = new YearlyStatistics(counts.PersonsContacted!.Value, counts.PersonsHoused!.Value, counts.AccompanyingChildren!.Value);
        var trainings = rows.Select(i => new TrainingAttendance(given[i]!.Date!.Value, given[i]!.Event!)).ToList();
        var today = SwedishCalendar.Today(time);
        return ValueTask.FromResult<Action<RoutineCheckSubject>?>(subject =>
        {
            try
            {
                subject.Check.Submit(statistics, trainings, today);
            }
            catch (RuleViolationException refused)
            {
                // The domain counts the rows given; the page and the API name the row as sent, empty rows included.
                throw new RuleViolationException([.. refused.Violations.Select(v => TrainingField(v.Field) is { } training
                    ? v with { Field = $"trainings[{rows[training.Row]}].{training.Part}" }
                    : v)]);
            }
        });
    }

    /// <summary>A training row's field (<c>trainings[1].date</c>) as its row and part; null for any other field.</summary>
    private static (int Row, string Part)? TrainingField(string field)
    {
        const string prefix = "trainings[";
        var end = field.IndexOf("].", StringComparison.Ordinal);
        if (!field.StartsWith(prefix, StringComparison.Ordinal) || end < prefix.Length)
            return null;
        return int.TryParse(field.AsSpan(prefix.Length, end - prefix.Length), out var row) ? (row, field[(end + 2)..]) : null;
    }
}

/// <summary>The yearly report as the task's data and its page's input.</summary>
public sealed class RoutineCheckReportData
{
    public StatisticsData Statistics { get; set; } = new();
    public List<TrainingData> Trainings { get; set; } = [];
}

/// <summary>The year's statistics (<see cref="YearlyStatistics"/>); a count left empty is not given.</summary>
public sealed class StatisticsData
{
    public int? PersonsContacted { get; set; }
    public int? PersonsHoused { get; set; }
    public int? AccompanyingChildren { get; set; }
}

/// <summary>One training or experience exchange attended: its day and the event's name.</summary>
public sealed class TrainingData
{
    public DateOnly? Date { get; set; }
    public string? Event { get; set; }
}

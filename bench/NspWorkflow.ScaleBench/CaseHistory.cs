using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.ScaleBench;

/// <summary>A user task of a generated case: open (no completion) or completed with an outcome.</summary>
public sealed record GeneratedTask(string NodeId, string Role, string Form, DateTimeOffset CreatedAt, DateTimeOffset? DueAt,
    DateTimeOffset? CompletedAt = null, string? Outcome = null);

/// <summary>A case as the domain left it after its history, and the tasks that history made.</summary>
public sealed record GeneratedCase(Case Case, DateTimeOffset CreatedAt, IReadOnlyList<GeneratedTask> Tasks);

/// <summary>
/// One case's history up to today, through the domain's own rules (so the case file is one the app could have
/// written): applied, admitted (or rejected), the reflection, then MMM, an end, or extended periods and integration,
/// each next period asked for by the shelter and approved by the coordinator. A case whose current period runs waits
/// on the shelter's next-step task, or, when it has asked, on the coordinator's review.
/// </summary>
public sealed class CaseHistory(TariffSchedule tariffs, Random random, DateTimeOffset now)
{
    private static readonly string[] Countries = ["RO", "BG", "NG", "VN", "UA", "TH", "AL", "MA", "PL", "SE", "CN", "ER"];
    private readonly DateOnly today = DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>Rule violations met while writing histories, by code (expected: none).</summary>
    public Dictionary<string, int> Violations { get; } = [];

    public GeneratedCase Make(Guid id, string reference, Shelter shelter, DateTimeOffset created)
    {
        var placement = Day(created).AddDays(-random.Next(0, 4));
        // An adult at placement (a child victim is not the program's); clamped, not drawn anew, so a seed gives the same data.
        var birthYear = Math.Min(random.Next(1960, 2007), placement.Year - CaseApplication.AdultAge);
        IReadOnlyList<Child> children = random.NextDouble() < 0.2 ? [new Child(Math.Min(today.Year, birthYear + random.Next(18, 30)), true)] : [];
        var forms = Enum.GetValues<ExploitationForm>().OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
        var application = new CaseApplication(shelter.Id, placement, birthYear, (Gender)random.Next(0, 4), Countries[random.Next(Countries.Length)],
            forms, children, new AdmissionCriteria(true, true, true),
            new NeedsAssessment(NeedsAssessmentKind.Initial, placement, new Dictionary<NeedArea, NeedEntry>
            {
                [NeedArea.Housing] = new(true, "Skyddat boende"),
                [NeedArea.HealthCare] = new(random.NextDouble() < 0.6, "Vårdcentral"),
            }));
        var @case = Case.Open(id, reference, application, shelter, created, today, tariffs);
        var tasks = new List<GeneratedTask>();
        try
        {
            Live(@case, shelter, created, tasks);
        }
        catch (RuleViolationException e)
        {
            // Not expected: counted and shown, the case kept as far as it got.
            foreach (var code in e.Violations.Select(v => $"{v.Field}: {v.Code}"))
                Violations[code] = Violations.GetValueOrDefault(code) + 1;
        }
        return new GeneratedCase(@case, created, tasks);
    }

    private void Live(Case @case, Shelter shelter, DateTimeOffset created, List<GeneratedTask> tasks)
    {
        // The coordinator decides within two weeks: the admissions of the last days wait in the inbox.
        var decided = created.AddHours(random.Next(4, 14 * 24));
        if (decided > now)
        {
            tasks.Add(new("Task_Review", "coordinator", "admission-review", created, null));
            return;
        }
        if (random.NextDouble() < 0.05)
        {
            tasks.Add(new("Task_Review", "coordinator", "admission-review", created, null, decided, "reject"));
            @case.Reject("Kriterierna för stöd är inte uppfyllda.");
            return;
        }
        tasks.Add(new("Task_Review", "coordinator", "admission-review", created, null, decided, "approve"));
        @case.Admit();
        @case.StartReflection(tariffs);

        // The path this case takes: MMM after a police report, an end after the reflection, or 1-3 extended periods
        // and (often) integration.
        var path = random.NextDouble();
        var extended = path < 0.35 ? 0 : random.Next(1, 4);
        var integration = path >= 0.35 && random.NextDouble() < 0.6;
        if (path < 0.25 && @case.Periods[0].FirstDay.AddDays(random.Next(3, 25)) is var reported && reported <= today)
            @case.ApplyPoliceReport(reported, true, tariffs);

        while (true)
        {
            var current = @case.Periods[^1];
            var dueAt = At(current.LastDay.AddDays(1));
            var asked = At(current.LastDay.AddDays(-random.Next(3, 10)));
            if (current.LastDay >= today)
            {
                // The period runs: the shelter is to choose the next step, or has chosen and waits for the coordinator.
                var next = extended > @case.Periods.Count(p => p.Kind == PeriodKind.Extended) ? PeriodKind.Extended : PeriodKind.Integration;
                if (@case.Outcome != CaseOutcome.Mmm && asked < now && random.NextDouble() < 0.5 && current.Kind != PeriodKind.Integration)
                {
                    Comprehensive(@case, asked);
                    tasks.Add(new("Task_NextStep", "shelter", "next-step", At(current.FirstDay), dueAt, asked, Name(next)));
                    @case.RequestPeriod(next, new PeriodTerms(), tariffs, current.LastDay, shelter);
                    tasks.Add(new(Review(next), "coordinator", Form(next), asked, null));
                }
                else
                    tasks.Add(new(current.Kind == PeriodKind.Integration ? "Task_ExitReport" : "Task_NextStep", "shelter",
                        current.Kind == PeriodKind.Integration ? "exit-report" : "next-step", At(current.FirstDay), dueAt));
                return;
            }

            if (@case.Outcome == CaseOutcome.Mmm)
            {
                tasks.Add(new("Task_NextStep", "shelter", "next-step", At(current.FirstDay), dueAt, asked, "mmm"));
                @case.Close(CaseOutcome.Mmm);
                return;
            }
            if (current.Kind == PeriodKind.Integration)
            {
                tasks.Add(new("Task_ExitReport", "shelter", "exit-report", At(current.FirstDay), dueAt, asked, "submit"));
                @case.SubmitExitReport("Utslussningen är genomförd enligt planen.");
                @case.Close(CaseOutcome.Integration);
                return;
            }

            PeriodKind? following = extended > @case.Periods.Count(p => p.Kind == PeriodKind.Extended) ? PeriodKind.Extended
                : integration ? PeriodKind.Integration : null;
            if (following is not { } kind)
            {
                var outcome = random.NextDouble() < 0.5 ? CaseOutcome.Return : CaseOutcome.Ended;
                tasks.Add(new("Task_NextStep", "shelter", "next-step", At(current.FirstDay), dueAt, asked, Name(outcome)));
                @case.Close(outcome);
                return;
            }
            Comprehensive(@case, asked);
            tasks.Add(new("Task_NextStep", "shelter", "next-step", At(current.FirstDay), dueAt, asked, Name(kind)));
            @case.RequestPeriod(kind, new PeriodTerms(), tariffs, current.LastDay, shelter);
            tasks.Add(new(Review(kind), "coordinator", Form(kind), asked, null, asked.AddHours(random.Next(2, 48)), "approve"));
            @case.StartNext(kind, tariffs);
        }
    }

    /// <summary>The comprehensive needs assessment the first extended or integration period needs, once.</summary>
    private static void Comprehensive(Case @case, DateTimeOffset at)
    {
        if (@case.NeedsAssessments.Any(a => a.Kind == NeedsAssessmentKind.Comprehensive))
            return;
        var areas = Enum.GetValues<NeedArea>()
            .Where(a => a != NeedArea.SchoolingForChildren || @case.Application.Children.Count > 0)
            .ToDictionary(a => a, a => new NeedEntry(a is NeedArea.Housing or NeedArea.PsychologicalSupport, "Enligt plan"));
        @case.AddNeedsAssessment(new NeedsAssessment(NeedsAssessmentKind.Comprehensive, Day(at), areas), "needsAssessment");
    }

    private static string Review(PeriodKind kind) => kind == PeriodKind.Extended ? "Task_ExtendedReview" : "Task_IntegrationReview";

    private static string Form(PeriodKind kind) => kind == PeriodKind.Extended ? "extended-review" : "integration-review";

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
}

using NspWorkflow.Domain;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>certification-visit</c>: the coordinator records the visit (step 2): its day, a finding per requirement, and for each
/// requirement not met an action with a deadline. The outcome says which way the process goes, so it must agree with
/// the findings: every requirement met, or an action plan.
/// </summary>
public sealed class CertificationVisitForm(TimeProvider time) : TaskForm<CertificationSubject, VisitData>
{
    public const string AllMet = "all-met";
    public const string WithActionPlan = "action-plan";

    public override string Key => "certification-visit";

    public override string SubjectKind => CertificationNames.SubjectKind;

    public override string Label => "Certification.VisitTask";

    public override IReadOnlyList<string> Outcomes { get; } = [AllMet, WithActionPlan];

    public override string? View => "/Pathways/Forms/_CertificationVisit.cshtml";

    public override string? InputIdOf(string field) => field switch
    {
        "visit.date" => "Input_Date",
        _ when field.StartsWith("findings.", StringComparison.Ordinal) => $"finding-{field["findings.".Length..].Replace(".note", "-note", StringComparison.Ordinal)}",
        _ when field.StartsWith("actions.", StringComparison.Ordinal) => $"action-{field["actions.".Length..].Replace(".deadline", "-deadline", StringComparison.Ordinal)}",
        _ => null,
    };

    public override string? LabelOf(string field) => field switch
    {
        "visit.date" => "Certification.VisitDate",
        _ when field.EndsWith(".deadline", StringComparison.Ordinal) => "Certification.Deadline",
        _ when field.StartsWith("actions.", StringComparison.Ordinal) => "Certification.Action",
        _ when field.EndsWith(".note", StringComparison.Ordinal) => "Certification.Note",
        _ when field.StartsWith("findings.", StringComparison.Ordinal) => "Certification.Finding",
        _ => null,
    };

    protected override FieldLabel? LabelOf(string field, CertificationSubject subject) =>
        RequirementFieldLabels.Of(field, subject.Requirements, "findings", FindingLabels) ?? RequirementFieldLabels.Of(field, subject.Requirements, "actions", ActionLabels);

    private static readonly Dictionary<string, string> FindingLabels = new(StringComparer.Ordinal)
    {
        [""] = "Certification.FindingOnX0", ["note"] = "Certification.NoteOnX0",
    };

    private static readonly Dictionary<string, string> ActionLabels = new(StringComparer.Ordinal)
    {
        [""] = "Certification.ActionForX0", ["deadline"] = "Certification.DeadlineForX0",
    };

    protected override VisitData InputFor(CertificationSubject subject) => new()
    {
        Findings = [.. subject.Requirements.Requirements.Select(r => new FindingData { Key = r.Key })],
        Actions = [.. subject.Requirements.Requirements.Select(r => new ActionData { RequirementKey = r.Key })],
    };

    protected override ValueTask<Action<CertificationSubject>?> PrepareAsync(TaskFormContext context, VisitData data, List<RuleViolation> violations,
        CancellationToken cancellationToken)
    {
        if (data.Date is null)
            violations.Add(new("visit.date", RuleViolationCode.Required));
        var findings = data.Findings.Where(f => f.Key is not null && f.Met is not null)
            .Select(f => new VisitFinding(f.Key!, f.Met!.Value, Given(f.Note)?.Trim())).ToList();
        // The page has a row for every requirement: a row left empty is no action.
        var actions = data.Actions.Where(a => a.RequirementKey is not null && (Given(a.Text) is not null || a.Deadline is not null))
            .Select(a => new ActionItemDraft(a.RequirementKey!, a.Text ?? "", a.Deadline ?? DateOnly.MinValue)).ToList();
        // Named by the requirement, as the page shows the actions; the domain checks the rest.
        foreach (var action in data.Actions.Where(a => a.RequirementKey is not null && Given(a.Text) is not null))
        {
            if (action.Deadline is null)
                violations.Add(new($"actions.{action.RequirementKey}.deadline", RuleViolationCode.Required));
            else if (data.Date is { } day && action.Deadline <= day)
                violations.Add(new($"actions.{action.RequirementKey}.deadline", RuleViolationCode.TooEarly, day.AddDays(1).ToString("yyyy-MM-dd")));
        }
        foreach (var action in data.Actions.Where(a => a.RequirementKey is not null && Given(a.Text) is null && a.Deadline is not null))
            violations.Add(new($"actions.{action.RequirementKey}", RuleViolationCode.Required));

        var unmet = findings.Where(f => !f.Met).Select(f => f.Key).ToList();
        if (context.Outcome == AllMet)
            violations.AddRange(unmet.Select(key => new RuleViolation($"findings.{key}", RuleViolationCode.UnmetRequirement)));
        else if (unmet.Count == 0 && findings.Count > 0)
            violations.Add(new("outcome", RuleViolationCode.NothingUnmet));
        if (violations.Count > 0)
            return ValueTask.FromResult<Action<CertificationSubject>?>(null);

        var visit = new CertificationVisit(data.Date!.Value, findings);
        var today = SwedishCalendar.Today(time);
        return ValueTask.FromResult<Action<CertificationSubject>?>(subject => subject.Certification.RecordVisit(visit, actions, subject.Requirements, today));
    }
}

/// <summary>The visit as the task's data and its page's input.</summary>
public sealed class VisitData
{
    public DateOnly? Date { get; set; }
    public List<FindingData> Findings { get; set; } = [];
    public List<ActionData> Actions { get; set; } = [];
}

public sealed class FindingData
{
    public string? Key { get; set; }
    public bool? Met { get; set; }
    public string? Note { get; set; }
}

public sealed class ActionData
{
    public string? RequirementKey { get; set; }
    public string? Text { get; set; }
    public DateOnly? Deadline { get; set; }
}

using System.Text.Json;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Web.Cases.Api;

/// <summary>
/// The data a task's completion may carry, per form. Free text (reasons, reports, needs assessments) goes to the case,
/// encrypted; only the outcome reaches the workflow's variables.
/// </summary>
public sealed record TaskData(
    string? Reason,
    string? Report,
    NeedsAssessmentRequest? NeedsAssessment,
    bool? PublicPaysHousing,
    bool? PublicPaysProtection,
    bool? MotivatedSupplement);

/// <summary>What each form allows and what its completion does to the case (checked by the domain before the step runs).</summary>
public static class TaskForms
{
    private static readonly Dictionary<string, string[]> OutcomesByForm = new(StringComparer.Ordinal)
    {
        ["admission-review"] = ["approve", "reject", "complete"],
        ["admission-completion"] = ["submit"],
        ["next-step"] = ["extended", "integration", "return", "end"],
        ["extended-review"] = ["approve", "reject"],
        ["integration-review"] = ["approve", "reject"],
        ["exit-report"] = ["submit"],
        ["point-intervention-review"] = ["approve", "reject"],
    };

    public static IReadOnlyList<string> Outcomes(string? form) => form is not null && OutcomesByForm.TryGetValue(form, out var o) ? o : [];

    /// <summary>
    /// The change the completion makes to the case, or null for none. Problems with the request's own shape are added to
    /// <paramref name="violations"/>; the domain's rules run when the change is applied.
    /// </summary>
    public static Action<Case>? Prepare(string form, string outcome, TaskData data, Guid? pointInterventionId,
        TariffSchedule tariffs, List<RuleViolation> violations) => (form, outcome) switch
    {
        ("admission-review", "reject") => c => c.Reject(data.Reason),
        ("admission-completion", "submit") when data.NeedsAssessment is { } initial =>
            Assessment(initial, NeedsAssessmentKind.Initial, violations) is { } a ? c => c.AddNeedsAssessment(a, "data.needsAssessment") : null,
        ("next-step", "extended") => RequestPeriod(PeriodKind.Extended, data, tariffs, violations),
        ("next-step", "integration") => RequestPeriod(PeriodKind.Integration, data, tariffs, violations),
        ("extended-review" or "integration-review", "reject") => c => c.RejectRequest(data.Reason),
        ("exit-report", "submit") => c => c.SubmitExitReport(data.Report),
        ("point-intervention-review", _) when pointInterventionId is { } id =>
            c => c.DecidePointIntervention(id, outcome == "approve", data.Reason, tariffs),
        _ => null,
    };

    public static TaskData ReadData(JsonElement? data, JsonSerializerOptions json, List<RuleViolation> violations)
    {
        if (data is not { ValueKind: JsonValueKind.Object } element)
        {
            if (data is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
                violations.Add(new("data", RuleViolationCode.Invalid));
            return new TaskData(null, null, null, null, null, null);
        }

        try
        {
            return element.Deserialize<TaskData>(json) ?? new TaskData(null, null, null, null, null, null);
        }
        catch (JsonException)
        {
            violations.Add(new("data", RuleViolationCode.Invalid));
            return new TaskData(null, null, null, null, null, null);
        }
    }

    private static Action<Case> RequestPeriod(PeriodKind kind, TaskData data, TariffSchedule tariffs, List<RuleViolation> violations)
    {
        var assessment = data.NeedsAssessment is { } given ? Assessment(given, NeedsAssessmentKind.Comprehensive, violations) : null;
        var terms = new PeriodTerms(
            PublicPaysHousing: data.PublicPaysHousing ?? false,
            PublicPaysProtection: data.PublicPaysProtection ?? false,
            MotivatedSupplementApproved: data.MotivatedSupplement ?? false);
        return c =>
        {
            if (assessment is not null)
                c.AddNeedsAssessment(assessment, "data.needsAssessment");
            c.RequestPeriod(kind, terms, tariffs);
        };
    }

    private static NeedsAssessment? Assessment(NeedsAssessmentRequest request, NeedsAssessmentKind kind, List<RuleViolation> violations)
    {
        var before = violations.Count;
        var assessment = request.ToAssessment("data.needsAssessment", kind, violations);
        return violations.Count == before ? assessment : null;
    }
}

using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Web.Features.Tariffs;
using NspWorkflow.Web.Features.Cases.Api;
using NspWorkflow.Web.Features.Shelters;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// What the shelter sends with its next step: for extended support or integration a comprehensive needs assessment (unless
/// the case has one) and the period's terms.
/// </summary>
public sealed class NextStepData
{
    public NeedsAssessmentRequest? NeedsAssessment { get; set; }

    public bool? PublicPaysHousing { get; set; }

    public bool? PublicPaysProtection { get; set; }

    /// <summary>With "return" or "end": the last day of support, the running period's last funded day.</summary>
    public DateOnly? LastDay { get; set; }
}

/// <summary>
/// <c>next-step</c>: before a period ends the shelter chooses what follows: extended support or integration (a request the
/// coordinator reviews, recorded on the case now), return, or the end of support.
/// </summary>
public sealed class NextStepForm(TariffCatalog tariffs, TimeProvider time, ShelterLookup shelters) : CaseTaskForm<NextStepData, NextStepInput>
{
    /// <summary>Where the needs assessment's violations are named, by the API and the page alike.</summary>
    public const string AssessmentField = "data.needsAssessment";

    private const string LastDayField = "lastDay";

    public override string Key => "next-step";

    public override bool DueAtPeriodEnd => true;

    public override string Label => "ChooseTheNextStep";

    public override IReadOnlyList<string> Outcomes { get; } = ["extended", "integration", "return", "end"];

    public override string? View => CaseTaskFormViews.NextStep;

    public override string? LabelOf(string field) => field switch
    {
        LastDayField => "NextStep.LastDay",
        _ => null,
    };

    public override string? InputIdOf(string field) => field switch
    {
        "needsAssessment" => "needs-assessment",
        LastDayField => "Input_LastDay",
        _ when field.StartsWith("needsAssessment.areas.", StringComparison.Ordinal) =>
            field["needsAssessment.areas.".Length..].Split('.') switch
            {
                [var area] => NextStepInput.AreaInputId(area, "Need") + "-yes",
                [var area, var part] => NextStepInput.AreaInputId(area, char.ToUpperInvariant(part[0]) + part[1..]),
                _ => null,
            },
        _ => null,
    };

    protected override NextStepData FromInput(NextStepInput input, DateOnly today) => input.ToData(today);

    protected override async ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, NextStepData data, List<RuleViolation> violations,
        CancellationToken cancellationToken) => context.Outcome switch
        {
            "extended" => await RequestPeriodAsync(PeriodKind.Extended, data, context, violations, cancellationToken),
            "integration" => await RequestPeriodAsync(PeriodKind.Integration, data, context, violations, cancellationToken),
            // Leaving or returning ends the funded days on the day given, not at the period's planned end.
            "return" or "end" => c => c.EndSupportOn(data.LastDay, tariffs.Current),
            _ => null,
        };

    /// <summary>A request for money: the shelter's certification is checked as it stands today (004).</summary>
    private async Task<Action<Case>?> RequestPeriodAsync(PeriodKind kind, NextStepData data, TaskFormContext context,
        List<RuleViolation> violations, CancellationToken cancellationToken)
    {
        var before = violations.Count;
        var assessment = data.NeedsAssessment?.ToAssessment(AssessmentField, NeedsAssessmentKind.Comprehensive, violations);
        if (violations.Count > before)
            return null;
        var shelter = context.ShelterId is { } shelterId ? await shelters.FindAsync(shelterId, cancellationToken) : null;
        var today = SwedishCalendar.Today(time);
        var terms = new PeriodTerms(
            PublicPaysHousing: data.PublicPaysHousing ?? false,
            PublicPaysProtection: data.PublicPaysProtection ?? false);
        return c =>
        {
            if (assessment is not null)
                c.AddNeedsAssessment(assessment, AssessmentField);
            c.RequestPeriod(kind, terms, tariffs.Current, today, shelter);
        };
    }
}

using System.Globalization;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Tariffs;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Cases.Api;
using NspWorkflow.Web.Features.Cases.Pages.Application;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// What the shelter sends with a completed application: on the page the whole application, edited (<see cref="Form"/>);
/// through the API the initial needs assessment alone (<c>data.needsAssessment</c>).
/// </summary>
public sealed class AdmissionCompletionData
{
    public NeedsAssessmentRequest? NeedsAssessment { get; set; }

    public ApplicationForm? Form { get; set; }
}

/// <summary>The task page's input: the application as it stands, to edit.</summary>
public sealed class AdmissionCompletionInput
{
    public ApplicationForm Form { get; set; } = new();
}

/// <summary>
/// <c>admission-completion</c>: the shelter completes its application as the coordinator asked (the comment shows with the
/// case on the task page), and submits it again; the case keeps which fields changed for the coordinator's review.
/// </summary>
public sealed class AdmissionCompletionForm(CountryNames countries, TimeProvider time, TariffCatalog tariffs) : CaseTaskForm<AdmissionCompletionData, AdmissionCompletionInput>
{
    public override string Key => "admission-completion";

    public override string Label => "CompleteTheApplication";

    public override IReadOnlyList<string> Outcomes { get; } = ["submit"];

    public override string? View => CaseTaskFormViews.AdmissionCompletion;

    public override string? InputIdOf(string field) => ApplicationFields.Find(field) is { } found ? "Input_" + found.InputId : null;

    // A label with a number in it (a child's, an area's) is not named: its message stands at the field it links to.
    public override string? LabelOf(string field) => ApplicationFields.Find(field) is { LabelArgument: null } found ? found.LabelKey : null;

    protected override AdmissionCompletionInput InputFor(Case subject) =>
        new() { Form = ApplicationForm.From(subject.Application, countries.Name(subject.Application.CountryOfOrigin, CultureInfo.CurrentUICulture), SwedishCalendar.Today(time)) };

    protected override AdmissionCompletionData FromInput(AdmissionCompletionInput input, DateOnly today) => new() { Form = input.Form };

    protected override ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, AdmissionCompletionData data,
        List<RuleViolation> violations, CancellationToken cancellationToken)
    {
        var before = violations.Count;
        if (data.Form is { } form)
        {
            var today = SwedishCalendar.Today(time);
            // The shelter is the case's: the form does not name it.
            var application = form.WithRows().ToApplication(Guid.Empty, today, countries, violations);
            return ValueTask.FromResult<Action<Case>?>(violations.Count == before
                ? c => c.Amend(application with { ShelterId = c.ShelterId }, today, tariffs.Current)
                : null);
        }

        if (data.NeedsAssessment is not { } given)
            return ValueTask.FromResult<Action<Case>?>(null);
        var assessment = given.ToAssessment(NextStepForm.AssessmentField, NeedsAssessmentKind.Initial, violations);
        return ValueTask.FromResult<Action<Case>?>(violations.Count == before
            ? c => c.AddNeedsAssessment(assessment, NextStepForm.AssessmentField)
            : null);
    }
}

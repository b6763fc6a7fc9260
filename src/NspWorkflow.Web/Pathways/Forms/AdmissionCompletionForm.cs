using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Cases.Api;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>What the shelter may send with a completed application: the initial needs assessment (<c>data.needsAssessment</c>).</summary>
public sealed class AdmissionCompletionData
{
    public NeedsAssessmentRequest? NeedsAssessment { get; set; }
}

/// <summary><c>admission-completion</c>: the shelter completes its application as the coordinator asked, and submits it again.</summary>
public sealed class AdmissionCompletionForm : CaseTaskForm<AdmissionCompletionData, NoData>
{
    public override string Key => "admission-completion";

    public override string Label => "CompleteTheApplication";

    public override IReadOnlyList<string> Outcomes { get; } = ["submit"];

    protected override AdmissionCompletionData FromInput(NoData input, DateOnly today) => new();

    protected override ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, AdmissionCompletionData data,
        List<RuleViolation> violations, CancellationToken cancellationToken)
    {
        if (data.NeedsAssessment is not { } given)
            return ValueTask.FromResult<Action<Case>?>(null);
        var before = violations.Count;
        var assessment = given.ToAssessment(NextStepForm.AssessmentField, NeedsAssessmentKind.Initial, violations);
        return ValueTask.FromResult<Action<Case>?>(violations.Count == before
            ? c => c.AddNeedsAssessment(assessment, NextStepForm.AssessmentField)
            : null);
    }
}

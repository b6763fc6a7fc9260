using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary><c>admission-review</c>: the coordinator approves the application, rejects it with a reason, or asks for completion.</summary>
public sealed class AdmissionReviewForm : CaseTaskForm<ReasonData>
{
    public const string FormKey = "admission-review";

    public override string Key => FormKey;

    public override string Label => "ReviewTheApplication";

    public override IReadOnlyList<string> Outcomes { get; } = ["approve", "reject", "complete"];

    public override string? View => CaseTaskFormViews.Reason;

    public override string? InputIdOf(string field) => ReasonData.InputIdOf(field);

    protected override ReasonData FromInput(ReasonData input, DateOnly today) => ReasonData.Given(input);

    protected override ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, ReasonData data, List<RuleViolation> violations,
        CancellationToken cancellationToken) =>
        ValueTask.FromResult<Action<Case>?>(context.Outcome == "reject" ? c => c.Reject(data.Reason) : null);
}

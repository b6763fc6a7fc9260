using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary><c>extended-review</c>: the coordinator approves a period of extended support, or rejects it with a reason.</summary>
public sealed class ExtendedReviewForm : CaseTaskForm<ReasonData>
{
    public override string Key => "extended-review";

    public override string Label => "ReviewTheApplicationForExtendedSupport";

    public override IReadOnlyList<string> Outcomes { get; } = ["approve", "reject"];

    public override string? View => CaseTaskFormViews.Reason;

    public override string? InputIdOf(string field) => ReasonData.InputIdOf(field);

    protected override ReasonData FromInput(ReasonData input, DateOnly today) => ReasonData.Given(input);

    protected override ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, ReasonData data, List<RuleViolation> violations,
        CancellationToken cancellationToken) =>
        ValueTask.FromResult<Action<Case>?>(context.Outcome == "reject" ? c => c.RejectRequest(data.Reason) : null);
}

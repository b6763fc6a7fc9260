using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>admission-review</c>: the coordinator approves the application, rejects it with a reason, or asks for completion
/// saying what is missing (the same field, required for both; the shelter's completion task shows it).
/// </summary>
public sealed class AdmissionReviewForm : ReasonTaskForm
{
    public override string Key => "admission-review";

    public override string Label => "ReviewTheApplication";

    public override string Decides => "Mail.Decision.Admission";

    public override IReadOnlyList<string> Outcomes { get; } = ["approve", "reject", "complete"];

    protected override ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, ReasonData data, List<RuleViolation> violations,
        CancellationToken cancellationToken) =>
        ValueTask.FromResult<Action<Case>?>(context.Outcome switch
        {
            "reject" => c => c.Reject(data.Reason),
            "complete" => c => c.AskForCompletion(data.Reason),
            _ => null,
        });
}

using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>admission-review</c>: the coordinator approves the application, rejects it with a reason, or asks for completion
/// saying what is missing (the same field, required for both; the shelter's completion task shows it).
/// </summary>
public sealed class AdmissionReviewForm(ApprovalBudgetCheck budget) : ReasonTaskForm
{
    public override string Key => "admission-review";

    public override string Label => "ReviewTheApplication";

    public override string Decides => "Mail.Decision.Admission";

    public override IReadOnlyList<string> Outcomes { get; } = ["approve", "reject", "complete"];

    protected override async ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, ReasonData data, List<RuleViolation> violations,
        CancellationToken cancellationToken)
    {
        // Approving starts the reflection: its cost is checked against the budget first.
        if (context.Outcome == "approve")
            await budget.CheckAsync(context, PeriodKind.Reflection, data.ConfirmOverrun, violations, cancellationToken);
        return context.Outcome switch
        {
            "reject" => c => c.Reject(data.Reason),
            "complete" => c => c.AskForCompletion(data.Reason),
            _ => null,
        };
    }
}

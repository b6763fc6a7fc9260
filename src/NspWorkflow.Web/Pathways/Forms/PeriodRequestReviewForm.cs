using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>The coordinator approves the period the shelter asked for, or rejects the request with a reason.</summary>
public abstract class PeriodRequestReviewForm(ApprovalBudgetCheck budget, PeriodKind kind) : ReasonTaskForm
{
    /// <summary>The request is decided before the period it follows ends (<c>nsp:due</c> in <c>nsp-next-step</c>).</summary>
    public override bool DueAtPeriodEnd => true;

    public sealed override IReadOnlyList<string> Outcomes { get; } = ["approve", "reject"];

    protected sealed override async ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, ReasonData data, List<RuleViolation> violations,
        CancellationToken cancellationToken)
    {
        // Approving starts the period asked for: its cost is checked against the budget first.
        if (context.Outcome == "approve")
            await budget.CheckAsync(context, kind, data.ConfirmOverrun, violations, cancellationToken);
        return context.Outcome == "reject" ? c => c.RejectRequest(data.Reason) : null;
    }
}

/// <summary><c>extended-review</c>: a period of extended support.</summary>
public sealed class ExtendedReviewForm(ApprovalBudgetCheck budget) : PeriodRequestReviewForm(budget, PeriodKind.Extended)
{
    public override string Key => "extended-review";

    public override string Label => "ReviewTheApplicationForExtendedSupport";

    public override string Decides => "Mail.Decision.Extended";
}

/// <summary><c>integration-review</c>: the integration period.</summary>
public sealed class IntegrationReviewForm(ApprovalBudgetCheck budget) : PeriodRequestReviewForm(budget, PeriodKind.Integration)
{
    public override string Key => "integration-review";

    public override string Label => "ReviewTheApplicationForIntegration";

    public override string Decides => "Mail.Decision.Integration";
}

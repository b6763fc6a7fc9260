using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>The coordinator approves the period the shelter asked for, or rejects the request with a reason.</summary>
public abstract class PeriodRequestReviewForm : ReasonTaskForm
{
    /// <summary>The request is decided before the period it follows ends (<c>nsp:due</c> in <c>nsp-next-step</c>).</summary>
    public override bool DueAtPeriodEnd => true;

    public sealed override IReadOnlyList<string> Outcomes { get; } = ["approve", "reject"];

    protected sealed override ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, ReasonData data, List<RuleViolation> violations,
        CancellationToken cancellationToken) =>
        ValueTask.FromResult<Action<Case>?>(context.Outcome == "reject" ? c => c.RejectRequest(data.Reason) : null);
}

/// <summary><c>extended-review</c>: a period of extended support.</summary>
public sealed class ExtendedReviewForm : PeriodRequestReviewForm
{
    public override string Key => "extended-review";

    public override string Label => "ReviewTheApplicationForExtendedSupport";

    public override string Decides => "Mail.Decision.Extended";
}

/// <summary><c>integration-review</c>: the integration period.</summary>
public sealed class IntegrationReviewForm : PeriodRequestReviewForm
{
    public override string Key => "integration-review";

    public override string Label => "ReviewTheApplicationForIntegration";

    public override string Decides => "Mail.Decision.Integration";
}

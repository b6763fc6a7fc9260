using System.Text.Json;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Tariffs;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>point-intervention-review</c>: the coordinator approves the point intervention the instance reviews (variable
/// <c>pointInterventionId</c>) or rejects it with a reason; the decision is recorded on the case with the step.
/// </summary>
public sealed class PointInterventionReviewForm(TariffCatalog tariffs, ApprovalBudgetCheck budget) : ReasonTaskForm
{
    public override string Key => "point-intervention-review";

    public override string Label => "ReviewThePointIntervention";

    public override string Decides => "Mail.Decision.PointIntervention";

    public override IReadOnlyList<string> Outcomes { get; } = ["approve", "reject"];

    protected override async ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, ReasonData data, List<RuleViolation> violations,
        CancellationToken cancellationToken)
    {
        var variables = await context.Variables(cancellationToken);
        if (!variables.TryGetValue(PathwayNames.Variables.PointIntervention, out var value)
            || value.ValueKind != JsonValueKind.String || !Guid.TryParse(value.GetString(), out var id))
            return null;
        var approved = context.Outcome == "approve";
        if (approved)
            await budget.CheckAsync(context, id, data.ConfirmOverrun, violations, cancellationToken);
        return c => c.DecidePointIntervention(id, approved, data.Reason, tariffs.Current);
    }
}

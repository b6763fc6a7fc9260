using System.Text.Json;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Tariffs;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>motivated-supplement-review</c>: the coordinator approves the motivated supplement the shelter asked for (paid by day
/// from today) or refuses it with a reason, apart from any period.
/// </summary>
public sealed class SupplementReviewForm(TariffCatalog tariffs, TimeProvider time) : ReasonTaskForm
{
    public override string Key => "motivated-supplement-review";

    public override string Label => "ReviewTheMotivatedSupplement";

    public override string Decides => "Mail.Decision.MotivatedSupplement";

    public override IReadOnlyList<string> Outcomes { get; } = ["approve", "reject"];

    protected override async ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, ReasonData data, List<RuleViolation> violations,
        CancellationToken cancellationToken)
    {
        var variables = await context.Variables(cancellationToken);
        var id = variables.TryGetValue(PathwayNames.Variables.Supplement, out var value) && value.ValueKind == JsonValueKind.String
            && Guid.TryParse(value.GetString(), out var parsed) ? parsed : Guid.Empty;
        var approved = context.Outcome == "approve";
        var today = SwedishCalendar.Today(time);
        return c => c.DecideSupplement(id, approved, data.Reason, today, tariffs.Current);
    }
}

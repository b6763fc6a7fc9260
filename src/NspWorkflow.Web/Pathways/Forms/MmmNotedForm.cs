using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>mmm-noted</c>: a police report with the state's reflection period (MMM) closed the case and ended NSP's daily funding
/// on its day, cancelling any approved period not yet begun. The coordinator is told in the inbox, because what the
/// program had committed for the case changed without a decision of theirs (001: NSP pays "när samhället inte via
/// aktörerna i MMM står för kostnaderna").
/// </summary>
public sealed class MmmNotedForm : CaseTaskForm<NoData>
{
    public override string Key => "mmm-noted";

    public override string Label => "NoteThatTheStateTookOver";

    public override IReadOnlyList<string> Outcomes { get; } = ["noted"];

    public override string? View => CaseTaskFormViews.MmmNoted;

    protected override ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, NoData data, List<RuleViolation> violations,
        CancellationToken cancellationToken) => ValueTask.FromResult<Action<Case>?>(null);
}

using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>The exit report at the end of integration: the API's <c>data.report</c> and the page's field alike.</summary>
public sealed class ExitReportData
{
    public string? Report { get; set; }
}

/// <summary><c>exit-report</c>: the shelter submits the exit report (utslussningsrapport) at the end of integration.</summary>
public sealed class ExitReportForm : CaseTaskForm<ExitReportData>
{
    public override string Key => "exit-report";

    public override bool DueAtPeriodEnd => true;

    public override string Label => "SubmitTheExitReport";

    public override IReadOnlyList<string> Outcomes { get; } = ["submit"];

    public override string? View => CaseTaskFormViews.ExitReport;

    public override string? InputIdOf(string field) => field == "report" ? "Input_Report" : null;

    protected override ExitReportData FromInput(ExitReportData input, DateOnly today) =>
        new() { Report = Given(input.Report) };

    protected override ValueTask<Action<Case>?> PrepareAsync(TaskFormContext context, ExitReportData data, List<RuleViolation> violations,
        CancellationToken cancellationToken) =>
        ValueTask.FromResult<Action<Case>?>(c => c.SubmitExitReport(data.Report));
}

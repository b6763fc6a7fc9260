using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Web.Features.Cases;

namespace NspWorkflow.Web.Pathways.Handlers;

/// <summary><c>record-decision</c>: keeps the shelter's next-step choice (<c>outcome</c>) as <c>decision</c>, which later tasks' outcomes do not overwrite.</summary>
public sealed class RecordDecisionHandler : IServiceTaskHandler
{
    public const string HandlerName = "record-decision";

    public string Name => HandlerName;

    public void Handle(ServiceTaskContext context) =>
        context.SetVariable(PathwayNames.Variables.Decision, context.Get<string>(PathwayNames.Variables.Outcome)
            ?? throw new ServiceTaskRefusedException("There is no 'outcome' to record as the decision."));
}

/// <summary>
/// <c>record-police-report</c>: the API applied the report to the case before delivering the message; with MMM granted
/// the decision becomes <c>mmm</c> (the definition ends the reflection).
/// </summary>
public sealed class RecordPoliceReportHandler(CaseWorkspace cases) : CaseHandler(cases)
{
    public const string HandlerName = "record-police-report";

    public override string Name => HandlerName;

    protected override void Handle(ServiceTaskContext context, Case @case)
    {
        if (context.Get<bool>(PathwayNames.Variables.MmmGranted))
        {
            if (@case.Outcome != CaseOutcome.Mmm)
                throw new ServiceTaskRefusedException("The case has no police report with MMM granted.");
            context.SetVariable(PathwayNames.Variables.Decision, "mmm");
        }
    }
}

/// <summary><c>close-case</c>: ends the case with the outcome the <c>decision</c> names (mmm, integration, return, end).</summary>
public sealed class CloseCaseHandler(CaseWorkspace cases) : CaseHandler(cases)
{
    public const string HandlerName = "close-case";

    public override string Name => HandlerName;

    protected override void Handle(ServiceTaskContext context, Case @case) =>
        @case.Close(context.Get<string>(PathwayNames.Variables.Decision) switch
        {
            "mmm" => CaseOutcome.Mmm,
            "integration" => CaseOutcome.Integration,
            "return" => CaseOutcome.Return,
            "end" => CaseOutcome.Ended,
            _ => throw new ServiceTaskRefusedException("The 'decision' variable names no outcome a case can close with."),
        });
}

/// <summary>
/// <c>approve-point-intervention</c>, <c>reject-point-intervention</c>: check that the coordinator's decision on
/// <c>pointInterventionId</c>, which the API applied with the review, is the one the definition's path assumes.
/// </summary>
public sealed class PointInterventionDecisionHandler(CaseWorkspace cases, bool approved) : CaseHandler(cases)
{
    public const string ApproveName = "approve-point-intervention";
    public const string RejectName = "reject-point-intervention";

    public override string Name => approved ? ApproveName : RejectName;

    protected override void Handle(ServiceTaskContext context, Case @case)
    {
        var id = context.Get<string>(PathwayNames.Variables.PointIntervention) is { } text && Guid.TryParse(text, out var parsed) ? parsed : Guid.Empty;
        var expected = approved ? PointInterventionStatus.Approved : PointInterventionStatus.Rejected;
        if (@case.PointInterventions.FirstOrDefault(p => p.Id == id)?.Status != expected)
            throw new ServiceTaskRefusedException($"The point intervention is not {expected.ToString().ToLowerInvariant()} on the case.");
    }
}

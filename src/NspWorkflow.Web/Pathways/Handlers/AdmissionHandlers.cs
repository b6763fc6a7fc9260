using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Web.Features.Cases;

namespace NspWorkflow.Web.Pathways.Handlers;

/// <summary><c>admit-case</c>: the coordinator approved the application; sets <c>admitted</c>.</summary>
public sealed class AdmitCaseHandler(CaseWorkspace cases) : CaseHandler(cases)
{
    public const string HandlerName = "admit-case";

    public override string Name => HandlerName;

    protected override void Handle(ServiceTaskContext context, Case @case)
    {
        @case.Admit();
        context.SetVariable(PathwayNames.Variables.Admitted, true);
    }
}

/// <summary>
/// <c>reject-case</c>: the coordinator rejected the application (the API recorded the reason with the review); sets
/// <c>admitted</c> to false.
/// </summary>
public sealed class RejectCaseHandler(CaseWorkspace cases) : CaseHandler(cases)
{
    public const string HandlerName = "reject-case";

    public override string Name => HandlerName;

    protected override void Handle(ServiceTaskContext context, Case @case)
    {
        if (@case.Outcome != CaseOutcome.Rejected)
            throw new ServiceTaskRefusedException("The case has no recorded rejection; reject it through the admission review.");
        context.SetVariable(PathwayNames.Variables.Admitted, false);
    }
}

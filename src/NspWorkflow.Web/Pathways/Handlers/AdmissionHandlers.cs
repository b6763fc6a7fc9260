using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Web.Cases.Handlers;

/// <summary><c>admit-case</c>: the coordinator approved the application; sets <c>admitted</c>.</summary>
public sealed class AdmitCaseHandler(CaseWorkspace cases) : CaseHandler(cases)
{
    public override string Name => "admit-case";

    protected override void Handle(ServiceTaskContext context, Case @case)
    {
        @case.Admit();
        context.SetVariable("admitted", true);
    }
}

/// <summary>
/// <c>reject-case</c>: the coordinator rejected the application (the API recorded the reason with the review); sets
/// <c>admitted</c> to false.
/// </summary>
public sealed class RejectCaseHandler(CaseWorkspace cases) : CaseHandler(cases)
{
    public override string Name => "reject-case";

    protected override void Handle(ServiceTaskContext context, Case @case)
    {
        if (@case.Outcome != CaseOutcome.Rejected)
            throw new ServiceTaskRefusedException("The case has no recorded rejection; reject it through the admission review.");
        context.SetVariable("admitted", false);
    }
}

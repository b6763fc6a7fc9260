using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Web.Features.Cases;

namespace NspWorkflow.Web.Pathways.Handlers;

/// <summary>
/// A service task on the instance's case (variable <c>caseId</c>). Handlers apply what the process decides (a period
/// starts, the case closes); the people's decisions and their free text reach the case through the API, which checks
/// them before it completes the task. A broken rule throws, and the engine makes it an incident on the task: handlers
/// refuse with <see cref="ServiceTaskRefusedException"/> and fixed sentences, and a domain rule's
/// <see cref="RuleViolationException"/> (fields and codes, never personal data) is passed on as one, so the
/// administrator sees which rule broke; any other exception reaches the incident as its type only.
/// </summary>
public abstract class CaseHandler(CaseWorkspace cases) : IServiceTaskHandler
{
    public abstract string Name { get; }

    public void Handle(ServiceTaskContext context)
    {
        var @case = cases.Get(CaseIdOf(context));
        try
        {
            Handle(context, @case);
        }
        catch (RuleViolationException broken)
        {
            throw new ServiceTaskRefusedException(broken.Message, broken);
        }
    }

    protected abstract void Handle(ServiceTaskContext context, Case @case);

    private static Guid CaseIdOf(ServiceTaskContext context) =>
        context.Get<string>(PathwayNames.Variables.Case) is { } text && Guid.TryParse(text, out var id)
            ? id
            : throw new ServiceTaskRefusedException($"The instance has no '{PathwayNames.Variables.Case}' variable naming a case.");
}

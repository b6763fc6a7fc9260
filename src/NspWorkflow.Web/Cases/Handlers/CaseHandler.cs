using NspWorkflow.Domain.Cases;
using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Web.Cases.Handlers;

/// <summary>
/// A service task on the instance's case (variable <c>caseId</c>). Handlers apply what the process decides (a period
/// starts, the case closes); the people's decisions and their free text reach the case through the API, which checks
/// them before it completes the task. A broken rule throws, and the engine makes it an incident on the task.
/// </summary>
public abstract class CaseHandler(CaseWorkspace cases) : IServiceTaskHandler
{
    public abstract string Name { get; }

    public void Handle(ServiceTaskContext context) => Handle(context, cases.Get(CaseIdOf(context)));

    protected abstract void Handle(ServiceTaskContext context, Case @case);

    private static Guid CaseIdOf(ServiceTaskContext context) =>
        context.Get<string>(CaseVariables.Case) is { } text && Guid.TryParse(text, out var id)
            ? id
            : throw new InvalidOperationException($"The instance has no '{CaseVariables.Case}' variable naming a case.");
}

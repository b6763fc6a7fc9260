using System.Collections.Immutable;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Features.Workflows;

namespace NspWorkflow.Web.Pathways;

/// <summary>
/// The names a definition may use in its <c>nsp:</c> attributes, derived from what the app registers: the service-task
/// handlers, the task forms, the pathway mail templates and the roles. A definition naming anything else cannot be
/// published, and a name cannot be offered that nothing handles.
/// </summary>
public sealed class WorkflowVocabulary(IEnumerable<string> handlers, IEnumerable<string> forms) : IWorkflowVocabulary
{
    public ImmutableHashSet<string> Handlers { get; } = [.. handlers];

    public ImmutableHashSet<string> Forms { get; } = [.. forms];

    public ImmutableHashSet<string> MailTemplates { get; } = [.. PathwayMailer.Templates];

    public ImmutableHashSet<string> Roles { get; } = [.. Infrastructure.Authentication.Roles.All];

    public ValidationContext ToValidationContext() => new(Handlers, Forms, Roles, MailTemplates, []);

    /// <summary>
    /// The vocabulary of the registered handlers and forms. Handlers are scoped (they change the step's unit of work), so
    /// their names are read once, in a scope of their own.
    /// </summary>
    public static WorkflowVocabulary FromServices(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var handlers = scope.ServiceProvider.GetServices<IServiceTaskHandler>().Select(h => h.Name).ToList();
        return new WorkflowVocabulary(handlers, services.GetRequiredService<TaskFormRegistry>().Keys);
    }
}

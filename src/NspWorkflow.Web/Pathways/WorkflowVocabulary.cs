using System.Collections.Immutable;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Web.Authentication;

namespace NspWorkflow.Web.Workflows;

/// <summary>
/// The names a definition may use in its <c>nsp:</c> attributes: the forms, service-task handlers and mail templates
/// the app provides, and the roles of <see cref="Roles.All"/>. A name is added here when the thing it names is built;
/// a definition using any other name cannot be published.
/// </summary>
public sealed class WorkflowVocabulary
{
    public ImmutableHashSet<string> Forms { get; } =
    [
        "admission-review",
        "admission-completion",
        "next-step",
        "extended-review",
        "integration-review",
        "exit-report",
        "point-intervention-review",
    ];

    public ImmutableHashSet<string> Handlers { get; } =
    [
        "admit-case",
        "reject-case",
        "start-reflection",
        "start-extended",
        "start-integration",
        "record-decision",
        "record-police-report",
        "close-case",
        "approve-point-intervention",
        "reject-point-intervention",
    ];

    public ImmutableHashSet<string> MailTemplates { get; } =
    [
        "task-assigned",
        "period-reminder",
    ];

    public ImmutableHashSet<string> Roles { get; } = [.. Authentication.Roles.All];

    /// <summary>What the engine validates against; published processes are added by the catalog as call targets.</summary>
    public ValidationContext ToValidationContext() => new(Handlers, Forms, Roles, MailTemplates, []);
}

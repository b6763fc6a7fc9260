using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>
/// The names a definition may use in its <c>nsp:</c> attributes (forms, service-task handlers, mail templates, roles):
/// what the app provides, so that a definition naming anything else cannot be published.
/// </summary>
public interface IWorkflowVocabulary
{
    /// <summary>What the engine validates against; published processes are added by the catalog as call targets.</summary>
    ValidationContext ToValidationContext();
}

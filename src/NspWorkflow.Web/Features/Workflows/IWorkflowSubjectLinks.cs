namespace NspWorkflow.Web.Features.Workflows;

/// <summary>
/// Where an instance is shown with the subject it serves (NSP: a case's instance view). The feature that owns the
/// subjects knows its pages; the workflow administration links to them without knowing what a subject is.
/// </summary>
public interface IWorkflowSubjectLinks
{
    /// <summary>The local address of the view of the instance within its subject, or null when its subject has none.</summary>
    string? InstanceViewOf(string? businessKeyKind, string? businessKey, Guid instanceId);
}

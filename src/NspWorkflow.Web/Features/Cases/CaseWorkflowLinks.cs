using NspWorkflow.Web.Features.Workflows;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>An instance serving a case is shown in the case's instance view (<c>/cases/{id}/workflow</c>).</summary>
public sealed class CaseWorkflowLinks : IWorkflowSubjectLinks
{
    public string? InstanceViewOf(string? businessKeyKind, string? businessKey, Guid instanceId) =>
        businessKeyKind == CaseTaskSubjects.CaseKind && Guid.TryParse(businessKey, out var caseId)
            ? $"/cases/{caseId}/workflow?instance={instanceId}"
            : null;
}

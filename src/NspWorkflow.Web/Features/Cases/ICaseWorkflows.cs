using NspWorkflow.Domain.Cases;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>
/// What the case API asks of the case's workflows, which the pathways provide (the process ids, variables and message
/// names are theirs). Each call runs a workflow step that stores the request's case changes in its transaction.
/// </summary>
public interface ICaseWorkflows
{
    /// <summary>Starts the case process of a newly opened case (its admission review).</summary>
    Task<EngineResult> StartCaseAsync(Case @case, CancellationToken cancellationToken);

    /// <summary>Starts the review of a point intervention submitted on the case.</summary>
    Task<EngineResult> StartPointInterventionAsync(Case @case, Guid pointInterventionId, CancellationToken cancellationToken);

    /// <summary>Starts the coordinator's decision on the motivated supplement asked for on the case.</summary>
    Task<EngineResult> StartSupplementAsync(Case @case, Guid supplementId, CancellationToken cancellationToken);

    /// <summary>Delivers a police report, already applied to the case, to the reflection waiting for it.</summary>
    Task<EngineResult> DeliverPoliceReportAsync(Case @case, bool mmmGranted, CancellationToken cancellationToken);
}

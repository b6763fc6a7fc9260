using NspWorkflow.Domain.Cases;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Cases;

namespace NspWorkflow.Web.Pathways;

/// <summary>The case API's requests as the NSP pathways define them.</summary>
public sealed class CaseWorkflows(WorkflowEngine engine) : ICaseWorkflows
{
    public Task<EngineResult> StartCaseAsync(Case @case, CancellationToken cancellationToken) =>
        engine.StartAsync(PathwayNames.CaseProcess, VariablesOf(@case), cancellationToken);

    public Task<EngineResult> StartPointInterventionAsync(Case @case, Guid pointInterventionId, CancellationToken cancellationToken)
    {
        var variables = VariablesOf(@case);
        variables[PathwayNames.Variables.PointIntervention] = pointInterventionId.ToString();
        return engine.StartAsync(PathwayNames.PointInterventionProcess, variables, cancellationToken);
    }

    public Task<EngineResult> StartSupplementAsync(Case @case, Guid supplementId, CancellationToken cancellationToken)
    {
        var variables = VariablesOf(@case);
        variables[PathwayNames.Variables.Supplement] = supplementId.ToString();
        return engine.StartAsync(PathwayNames.SupplementProcess, variables, cancellationToken);
    }

    public Task<EngineResult> DeliverPoliceReportAsync(Case @case, bool mmmGranted, CancellationToken cancellationToken) =>
        engine.DeliverMessageAsync(PathwayNames.PoliceReportFiled, @case.Id.ToString(),
            new Dictionary<string, object?> { [PathwayNames.Variables.MmmGranted] = mmmGranted }, cancellationToken);

    /// <summary>What every process started for a case begins with.</summary>
    public static Dictionary<string, object?> VariablesOf(Case @case) => new()
    {
        [PathwayNames.Variables.Case] = @case.Id.ToString(),
        [PathwayNames.Variables.Shelter] = @case.ShelterId.ToString(),
        [PathwayNames.Variables.Reference] = @case.Reference,
    };
}

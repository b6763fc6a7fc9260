using NspWorkflow.Domain.Cases;

namespace NspWorkflow.Web.Cases;

/// <summary>
/// The instance variables the NSP pathways share with the app (the contract of <c>workflows/nsp-*.bpmn</c>): ids and the
/// pseudonymous reference only, never anything about the person.
/// </summary>
public static class CaseVariables
{
    /// <summary>The case an instance serves; stored as the business key of its tasks.</summary>
    public const string Case = "caseId";

    /// <summary>The shelter of the case; stored as the organisation of its tasks.</summary>
    public const string Shelter = "shelterId";

    /// <summary>The case reference (e.g. NSP-2026-0042), the one case fact mail may carry.</summary>
    public const string Reference = "reference";

    /// <summary>The point intervention a <c>nsp-point-intervention</c> instance reviews.</summary>
    public const string PointIntervention = "pointInterventionId";

    /// <summary>What every process started for <paramref name="case"/> begins with.</summary>
    public static Dictionary<string, object?> For(Case @case) => new()
    {
        [Case] = @case.Id.ToString(),
        [Shelter] = @case.ShelterId.ToString(),
        [Reference] = @case.Reference,
    };
}

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// The names the yearly routine check's process (<c>workflows/nsp-routine-check.bpmn</c>) and the app share. Its instances'
/// business key is the routine check (kind <see cref="SubjectKind"/>); the variables carry ids and the shelter's name,
/// which is not personal data.
/// </summary>
public static class RoutineCheckNames
{
    /// <summary>The process from the shelter's report through the coordinator's check to the renewal.</summary>
    public const string Process = "nsp-routine-check";

    /// <summary>The business key kind of routine checks.</summary>
    public const string SubjectKind = "routine-check";

    public const string RoutineCheckVariable = "routineCheckId";
    public const string ShelterVariable = CertificationNames.ShelterVariable;
    public const string ReferenceVariable = CertificationNames.ReferenceVariable;

    /// <summary>What names a routine check in lists and mail: the shelter and the year.</summary>
    public static string ReferenceOf(string shelterName, int year) => CertificationNames.ReferenceOf(shelterName, year);

    public static string LinkOf(Guid id) => $"/certification/routine/{id}";

    public static Dictionary<string, object?> VariablesOf(Guid routineCheckId, Guid shelterId, string reference) => new()
    {
        [RoutineCheckVariable] = routineCheckId.ToString(),
        [ShelterVariable] = shelterId.ToString(),
        [ReferenceVariable] = reference,
    };
}

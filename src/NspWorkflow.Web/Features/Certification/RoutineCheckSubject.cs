using NspWorkflow.Data.Certification;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// A routine check as its task forms change it: the domain object, its tracked row and the tracked shelter (which the
/// completed check certifies a year further). The forms change <see cref="Check"/> and the shelter; the task subjects
/// write the document back into the row with a new version.
/// </summary>
public sealed class RoutineCheckSubject(RoutineCheckRow row, RoutineCheck check, Shelter shelter)
{
    public RoutineCheckRow Row { get; } = row;
    public RoutineCheck Check { get; } = check;
    public Shelter Shelter { get; } = shelter;
}

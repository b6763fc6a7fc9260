using NspWorkflow.Data.Certification;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// A certification as its task forms change it: the domain object, its tracked row, the requirements it is answered
/// against and the tracked shelter (which the grant certifies). The forms change <see cref="Certification"/> and the
/// shelter; the task subjects write the document back into the row with a new version.
/// </summary>
public sealed class CertificationSubject(CertificationRow row, ShelterCertification certification, RequirementCatalog requirements, Shelter shelter)
{
    public CertificationRow Row { get; } = row;
    public ShelterCertification Certification { get; } = certification;
    public RequirementCatalog Requirements { get; } = requirements;
    public Shelter Shelter { get; } = shelter;
}

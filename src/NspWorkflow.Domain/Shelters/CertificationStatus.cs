namespace NspWorkflow.Domain.Shelters;

public enum CertificationStatus
{
    /// <summary>Not (yet) certified: the shelter cannot apply for admissions.</summary>
    NotCertified,

    /// <summary>Certified until <see cref="Shelter.CertifiedUntil"/>.</summary>
    Certified,

    /// <summary>Certification suspended by the coordinator, for example while an action plan is overdue.</summary>
    Suspended,
}

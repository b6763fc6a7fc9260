using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Domain.Tests.Shelters;

/// <summary>A shelter's details that break no rule; each test changes only what it is about.</summary>
internal static class Valid
{
    public static ShelterCapacity Capacity { get; } = new(
        Women: true, Men: false, AccompanyingChildren: true, ActiveSubstanceAbuse: false, Places: 6, [ExploitationForm.Sexual]);

    public static ShelterDetails Details { get; } = new(
        "Boende Mitt", Region.Mitt, Capacity, ["kontakt@boende.example"], CertificationStatus.Certified, new DateOnly(2026, 12, 31));
}

namespace NspWorkflow.Domain.Shelters;

/// <summary>Whom a shelter can receive, and how many at once.</summary>
public sealed record ShelterCapacity(
    bool Women,
    bool Men,
    bool AccompanyingChildren,
    bool ActiveSubstanceAbuse,
    int Places,
    IReadOnlyList<ExploitationForm> ExploitationForms)
{
    public const int MaxPlaces = 1000;
}

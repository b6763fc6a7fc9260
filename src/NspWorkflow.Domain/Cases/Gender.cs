namespace NspWorkflow.Domain.Cases;

/// <summary>The gender the person gives; only counted in reports.</summary>
public enum Gender
{
    Female,
    Male,
    Other,
    Undisclosed,
}

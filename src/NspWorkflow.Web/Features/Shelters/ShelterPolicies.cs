namespace NspWorkflow.Web.Features.Shelters;

public static class ShelterPolicies
{
    /// <summary>Administrators keep the shelter register; the coordinator runs certification and needs it too.</summary>
    public const string Manage = "shelters.manage";
}

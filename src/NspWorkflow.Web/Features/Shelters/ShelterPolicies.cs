namespace NspWorkflow.Web.Features.Shelters;

public static class ShelterPolicies
{
    /// <summary>Administrators keep the shelter register; the coordinator runs certification and needs it too.</summary>
    public const string Manage = "shelters.manage";

    /// <summary>
    /// The placement search: the coordinator places people, a shelter refers a person on to another, and the administrator
    /// supports both. The reader sees reports only.
    /// </summary>
    public const string Placement = "shelters.placement";
}

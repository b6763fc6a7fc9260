using NspWorkflow.Web.Authentication;

namespace NspWorkflow.Web.Shelters;

public static class ShelterPolicies
{
    /// <summary>Administrators keep the shelter register; the coordinator runs certification and needs it too.</summary>
    public const string Manage = "shelters.manage";
}

public static class ShelterServiceCollectionExtensions
{
    public static IServiceCollection AddNspShelters(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ShelterPolicies.Manage, policy => policy.RequireRole(Roles.Admin, Roles.Coordinator));
        return services;
    }
}

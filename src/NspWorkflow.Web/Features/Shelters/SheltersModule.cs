using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>
/// Shelters: the register of certified shelters, its API and pages (<c>/shelters</c>), and the placement search of their
/// free places (<c>/shelters/placement</c>).
/// </summary>
public static class SheltersModule
{
    public static IServiceCollection AddShelters(this IServiceCollection services)
    {
        services.AddSingleton<ShelterLookup>();
        services.AddScoped<PlacementSearch>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ShelterPolicies.Manage, policy => policy.RequireRole(Roles.Admin, Roles.Coordinator))
            .AddPolicy(ShelterPolicies.Placement, policy => policy.RequireRole(Roles.Admin, Roles.Coordinator, Roles.Shelter));
        return services;
    }

    public static RouteGroupBuilder MapShelters(this RouteGroupBuilder api) => api.MapShelterEndpoints().MapPlacementEndpoints();
}

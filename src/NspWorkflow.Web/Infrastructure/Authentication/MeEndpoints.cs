using System.Security.Claims;

namespace NspWorkflow.Web.Infrastructure.Authentication;

/// <summary>The caller's identity as the app understands it.</summary>
public sealed record MeResponse(string? Name, IReadOnlyList<string> Roles, Guid? ShelterId);

public static class MeEndpoints
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => new MeResponse(user.Identity?.Name, user.NspRoles(), user.ShelterId()))
            .WithName("GetMe");
        return api;
    }
}

using System.Security.Claims;

namespace NspWorkflow.Web.Authentication;

public static class ClaimsPrincipalExtensions
{
    public static Guid? ShelterId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(NspClaimTypes.ShelterId), out var id) ? id : null;

    public static IReadOnlyList<string> NspRoles(this ClaimsPrincipal user) =>
        Roles.All.Where(user.IsInRole).ToList();
}

using System.Security.Claims;

namespace NspWorkflow.Web.Infrastructure.Authentication;

public static class ClaimsPrincipalExtensions
{
    public static Guid? ShelterId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(NspClaimTypes.ShelterId), out var id) ? id : null;

    /// <summary>
    /// The shelter whose cases and tasks alone the user sees, or null when the user sees every shelter's (the coordinator,
    /// administrators and readers). A user of neither kind sees no shelter's: <see cref="Guid.Empty"/>.
    /// </summary>
    public static Guid? OnlyShelter(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Reader) ? null : user.ShelterId() ?? Guid.Empty;

    /// <summary>Whether the user works for <paramref name="shelterId"/>.</summary>
    public static bool IsShelterOf(this ClaimsPrincipal user, Guid shelterId) =>
        user.IsInRole(Roles.Shelter) && user.ShelterId() == shelterId;

    /// <summary>
    /// Whether the user may see and work on what belongs to <paramref name="shelterId"/> (its invoices, its certification):
    /// the coordinator and administrators every shelter's, a shelter's users their own, the reader none.
    /// </summary>
    public static bool MayWorkForShelter(this ClaimsPrincipal user, Guid shelterId) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin) || user.IsShelterOf(shelterId);

    /// <summary>Whether the user is of a role the workflows give tasks to (<see cref="Roles.TaskWork"/>): only they open task pages.</summary>
    public static bool MayOpenTasks(this ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Shelter);

    /// <summary>Who did it, for the audit log and the task row: the user's name, else the subject (a client id).</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirst(NspClaimTypes.Name)?.Value ?? user.FindFirst(NspClaimTypes.Subject)?.Value ?? "unknown";

    public static IReadOnlyList<string> NspRoles(this ClaimsPrincipal user) =>
        Roles.All.Where(user.IsInRole).ToList();
}

using System.Security.Claims;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>
/// Who may see and act on a case. A shelter user sees only its own shelter's cases; to it another shelter's case does
/// not exist (the API answers 404, as for an unknown id). The coordinator and administrators see every case. The reader
/// role sees counts and reports, never a case: to it every case is not found, and the case list is refused (<see cref="Roles.CaseWork"/>).
/// </summary>
public static class CaseAccess
{
    public static bool CanRead(ClaimsPrincipal user, Guid shelterId) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin) || IsShelterOf(user, shelterId);

    public static bool CanRead(ClaimsPrincipal user, Case @case) => CanRead(user, @case.ShelterId);

    public static bool IsShelterOf(ClaimsPrincipal user, Guid shelterId) => user.IsShelterOf(shelterId);

    /// <summary>The shelter whose cases alone the user sees, or null when the user sees all.</summary>
    public static Guid? OnlyShelter(ClaimsPrincipal user) => user.OnlyShelter();

    /// <summary>Who did it, for the audit log and the task row: the user's name, else the subject (a client id).</summary>
    public static string Actor(ClaimsPrincipal user) => user.Actor();
}

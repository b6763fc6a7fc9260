using System.Security.Claims;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Reports.Pages;

/// <summary>Who may read the reports: the reader (the program manager, funder reporting), the coordinator and the administrator; never a shelter.</summary>
public static class ReportAccess
{
    public static bool MayRead(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Reader) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);
}

using System.Security.Claims;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Infrastructure.Layout;

/// <summary>One entry of the main navigation: its label is a key of the message table.</summary>
public sealed record NavigationItem(string Path, string Label);

/// <summary>What a signed-in user's role lets them open; the pages enforce the same with their policies.</summary>
public static class Navigation
{
    public static IReadOnlyList<NavigationItem> For(ClaimsPrincipal user)
    {
        var items = new List<NavigationItem>();
        if (user.IsInRole(Roles.Coordinator))
            items.Add(new("/inbox", "Inbox"));
        // A shelter's tasks; mail to shelters links here and to the tasks themselves. The coordinator's are the inbox,
        // so the coordinator is not shown the same list twice.
        if (user.IsInRole(Roles.Shelter))
            items.Add(new("/tasks", "Tasks"));
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Shelter) || user.IsInRole(Roles.Admin))
            items.Add(new("/cases", "Cases"));
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Shelter) || user.IsInRole(Roles.Admin))
            items.Add(new("/invoices", "Invoices"));
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin))
            items.Add(new("/budget", "Budget"));
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin))
            items.Add(new("/shelters", "Shelters"));
        // Certification: the coordinator runs it, a shelter answers its own questionnaire and action plan.
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Shelter) || user.IsInRole(Roles.Admin))
            items.Add(new("/certification", "Certification"));
        // Free places: the coordinator places a person, a shelter refers one on; shelter-level figures, no case.
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Shelter) || user.IsInRole(Roles.Admin))
            items.Add(new("/shelters/placement", "Placement.Nav"));
        if (user.IsInRole(Roles.Admin))
            items.Add(new("/designer", "Designer"));
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Reader))
            items.Add(new("/reports", "Reports"));
        if (user.IsInRole(Roles.Admin))
        {
            // Incidents stop a person's pathway until someone acts, so they are one click away rather than under /admin.
            items.Add(new("/admin/incidents", "Incidents"));
            // Retention: which cases' personal data is erased next, and the last erasures.
            items.Add(new("/retention", "Retention.Nav"));
            items.Add(new("/admin", "Administration"));
        }
        return items;
    }

    /// <summary>
    /// The entry the page at <paramref name="path"/> belongs to: the longest path it starts with, so that
    /// <c>/shelters/placement</c> is not also <c>/shelters</c>; none for a page outside the menu.
    /// </summary>
    public static NavigationItem? Current(IReadOnlyList<NavigationItem> items, string path) =>
        items.Where(i => path.StartsWith(i.Path, StringComparison.OrdinalIgnoreCase)).MaxBy(i => i.Path.Length);
}

using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Infrastructure.DevelopmentIdentity;

/// <summary>A person the development provider can sign in as.</summary>
public sealed record DemoUser(string Id, string Name, string Role, Guid? ShelterId, string Description);

/// <summary>An integration client of the development provider (client credentials flow).</summary>
public sealed record DemoClient(string ClientId, string Role, Guid? ShelterId)
{
    /// <summary>Development only, and documented in the README: the secret is the client id followed by <c>-secret</c>.</summary>
    public string Secret => ClientId + "-secret";
}

/// <summary>
/// The demo people, integration clients and shelters of the embedded default. Development only: the provider
/// that uses them is refused outside the Development environment.
/// </summary>
public static class DemoDirectory
{
    public static readonly Guid ShelterNorth = new("5e1e7e00-0000-4000-8000-000000000001");
    public static readonly Guid ShelterSouth = new("5e1e7e00-0000-4000-8000-000000000002");

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("coordinator", "Karin Samordnare", Roles.Coordinator, null, "CoordinatorAtTheNSPOffice"),
        new("coordinator-2", "Maja Samordnare", Roles.Coordinator, null, "SecondCoordinatorAtTheNSPOffice"),
        new("admin", "Anders Administratör", Roles.Admin, null, "Administrator"),
        new("shelter-1", "Sofia på Demoboende Nord", Roles.Shelter, ShelterNorth, "StaffAtDemoboendeNord"),
        new("shelter-2", "Samir på Demoboende Syd", Roles.Shelter, ShelterSouth, "StaffAtDemoboendeSyd"),
        new("reader", "Lena Läsare", Roles.Reader, null, "ProgramManagerReadAccess"),
    ];

    public static IReadOnlyList<DemoClient> Clients { get; } =
    [
        new("demo-coordinator", Roles.Coordinator, null),
        new("demo-admin", Roles.Admin, null),
        new("demo-shelter-1", Roles.Shelter, ShelterNorth),
        new("demo-shelter-2", Roles.Shelter, ShelterSouth),
        new("demo-reader", Roles.Reader, null),
    ];

    public static DemoUser? FindUser(string? id) => Users.FirstOrDefault(u => u.Id == id);

    public static DemoClient? FindClient(string? clientId) => Clients.FirstOrDefault(c => c.ClientId == clientId);
}

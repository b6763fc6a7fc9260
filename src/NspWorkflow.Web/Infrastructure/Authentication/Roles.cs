namespace NspWorkflow.Web.Infrastructure.Authentication;

/// <summary>The roles the identity provider issues in the <c>role</c> claim; each has a policy of the same name.</summary>
public static class Roles
{
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";
    public const string Shelter = "shelter";
    public const string Reader = "reader";

    public static IReadOnlyList<string> All { get; } = [Coordinator, Admin, Shelter, Reader];

    /// <summary>
    /// The policy of the roles that work with cases and their tasks: every role but the reader, who sees counts and
    /// reports only, never a case.
    /// </summary>
    public const string CaseWork = "case-work";
}

/// <summary>Claim types the app reads; kept as the provider sends them (no inbound mapping).</summary>
public static class NspClaimTypes
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The shelter a shelter user works at.</summary>
    public const string ShelterId = "shelter_id";
}

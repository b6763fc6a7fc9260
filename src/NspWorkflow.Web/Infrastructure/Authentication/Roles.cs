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

    /// <summary>The policy of the roles the workflows give tasks to (the pathways' <c>nsp:assigneeRole</c>): shelter and coordinator.</summary>
    public const string TaskWork = "task-work";

    /// <summary>
    /// The policy of the roles that change a running case (a police report, a child, the public paying a part): its shelter
    /// and the coordinator. Checked before the request is read, so no other role learns even what a request lacks.
    /// </summary>
    public const string CaseChange = "case-change";

    /// <summary>The policy of the NSP office, coordinator and administrators: the development tools (clock, written mail).</summary>
    public const string Office = "office";
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

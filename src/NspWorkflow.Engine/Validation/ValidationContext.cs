using System.Collections.Immutable;

namespace NspWorkflow.Engine.Validation;

/// <summary>
/// What the host knows and the engine does not: the names of service-task handlers, forms, roles and mail
/// templates, and the ids of processes a call activity may start (published definitions in other files).
/// Processes of the document being validated are callable without being listed here.
/// </summary>
public sealed record ValidationContext(
    ImmutableHashSet<string> Handlers,
    ImmutableHashSet<string> Forms,
    ImmutableHashSet<string> Roles,
    ImmutableHashSet<string> MailTemplates,
    ImmutableHashSet<string> CallableProcessIds)
{
    /// <summary>Nothing known: every handler, form, role, template and external call is reported.</summary>
    public static ValidationContext Empty { get; } = new([], [], [], [], []);
}

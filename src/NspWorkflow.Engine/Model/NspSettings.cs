using System.Collections.Immutable;

namespace NspWorkflow.Engine.Model;

/// <summary>
/// The project's extension attributes (namespace <see cref="Parsing.BpmnNames.Nsp"/>) found on one element.
/// Which of them an element may carry is decided by the parser; their meaning by the host.
/// </summary>
public sealed record NspSettings(
    string? AssigneeRole = null,
    string? Form = null,
    string? Handler = null,
    string? MailTemplate = null,
    TimerDefinition? Due = null,
    ImmutableArray<VariableMapping> Inputs = default,
    ImmutableArray<VariableMapping> Outputs = default,
    MultiInstance? MultiInstance = null)
{
    public static NspSettings None { get; } = new();
}

/// <summary>
/// One entry of <c>nsp:inputs</c>/<c>nsp:outputs</c>: <c>target=source</c> copies variable <c>source</c>
/// into <c>target</c> (a bare <c>name</c> means <c>name=name</c>).
/// </summary>
public sealed record VariableMapping(string Target, string Source);

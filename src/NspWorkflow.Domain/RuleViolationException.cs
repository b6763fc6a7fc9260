namespace NspWorkflow.Domain;

/// <summary>Thrown when a change would break the program's rules; carries every violation, never personal data.</summary>
public sealed class RuleViolationException(IReadOnlyList<RuleViolation> violations)
    : Exception($"The change breaks {violations.Count} rule(s): {string.Join(", ", violations.Select(v => $"{v.Field} {v.Code}"))}.")
{
    public IReadOnlyList<RuleViolation> Violations { get; } = violations;
}

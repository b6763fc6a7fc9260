using NspWorkflow.Domain;

namespace NspWorkflow.Web.Infrastructure.Api;

/// <summary>Enum values as the API spells them: camelCase names, compared without case; numbers are not accepted.</summary>
public static class RequestEnums
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    public static T Parse<T>(string? text, string field, List<RuleViolation> violations, bool required) where T : struct, Enum
    {
        if (text is null)
        {
            if (required)
                violations.Add(new(field, RuleViolationCode.Required));
            return default;
        }

        if (TryParse<T>(text, out var value))
            return value;
        violations.Add(new(field, RuleViolationCode.Invalid));
        return default;
    }

    public static string Name<T>(T value) where T : struct, Enum => value.ToString() is var name ? char.ToLowerInvariant(name[0]) + name[1..] : "";
}

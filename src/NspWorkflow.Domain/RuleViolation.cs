namespace NspWorkflow.Domain;

/// <summary>
/// One broken rule: the field it concerns, what kind of break it is, and the values a message needs.
/// The domain names the break; the UI words it in the user's language.
/// </summary>
public sealed record RuleViolation(string Field, RuleViolationCode Code, params object[] Arguments);

public enum RuleViolationCode
{
    Required,
    TooLong,
    TooMany,
    OutOfRange,
    Invalid,
    InvalidEmail,
    NoTargetGroup,
    RequiredWhenCertified,
    Duplicate,
}

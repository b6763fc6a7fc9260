using Microsoft.Extensions.Localization;
using NspWorkflow.Domain;

namespace NspWorkflow.Web.Infrastructure.Localization;

/// <summary>
/// The one wording of a broken rule, for the pages and the API alike: <c>Violation.{Code}</c> where the message stands at
/// its field (the API's errors by field, a task form), and <c>Violation.{Code}.Field</c> with the field's label first
/// where it stands alone (a form's summary). A code without a text of its own reads as an invalid value. Messages name
/// the field and the rule's limits, never what was entered.
/// </summary>
public sealed class RuleViolationTexts(IStringLocalizer<SharedResource> T)
{
    /// <summary>The message for a violation shown at its field.</summary>
    public string Message(RuleViolation violation) => Word(violation, null);

    /// <summary>The message naming the field by its (already localized) label.</summary>
    public string Message(RuleViolation violation, string fieldLabel) => Word(violation, fieldLabel);

    /// <summary>The key of a violation's text; an out-of-range without its limits has a text of its own.</summary>
    public static string KeyOf(RuleViolationCode code, bool withLabel, bool hasLimits = true) =>
        $"Violation.{code}{(code == RuleViolationCode.OutOfRange && !hasLimits ? ".NoLimits" : "")}{(withLabel ? ".Field" : "")}";

    private string Word(RuleViolation violation, string? label)
    {
        var key = KeyOf(violation.Code, label is not null, violation.Arguments.Length >= 2);
        object[] arguments = label is null ? violation.Arguments : [label, .. violation.Arguments];
        var text = T[key, arguments];
        return text.ResourceNotFound ? T[KeyOf(RuleViolationCode.Invalid, label is not null), arguments].Value : text.Value;
    }
}

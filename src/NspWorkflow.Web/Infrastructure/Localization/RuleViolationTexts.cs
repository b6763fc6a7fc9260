using System.Globalization;
using Microsoft.Extensions.Localization;
using NspWorkflow.Domain;

namespace NspWorkflow.Web.Infrastructure.Localization;

/// <summary>
/// The one wording of a broken rule, for the pages, the API and the start-up checks alike: <c>Violation.{Code}</c> where
/// the message stands at its field (the API's errors by field, a task form), and <c>Violation.{Code}.Field</c> with the
/// field's label first where it stands alone (a form's summary, a file's problem named by its path). A code without a
/// text of its own reads as an invalid value; an argument that is a named value (an <see cref="Enum"/>) is worded by
/// <c>{Type}.{Value}</c>. Messages name the field and the rule's limits, never what was entered.
/// </summary>
public sealed class RuleViolationTexts(IStringLocalizer<SharedResource> T)
{
    /// <summary>The message for a violation shown at its field, in the request's language.</summary>
    public string Message(RuleViolation violation) => Word(violation, null, Lookup);

    /// <summary>The message naming the field by its (already localized) label, in the request's language.</summary>
    public string Message(RuleViolation violation, string fieldLabel) => Word(violation, fieldLabel, Lookup);

    /// <summary>The message naming the field by <paramref name="fieldLabel"/>, in <paramref name="culture"/>: for what has no request.</summary>
    public static string Message(MessageTable table, CultureInfo culture, RuleViolation violation, string fieldLabel) =>
        Word(violation, fieldLabel, key => table.Find(key, culture) is { } text ? (format: text, culture) : null);

    /// <summary>The key of a violation's text; an out-of-range without its limits has a text of its own.</summary>
    public static string KeyOf(RuleViolationCode code, bool withLabel, bool hasLimits = true) =>
        $"Violation.{code}{(code == RuleViolationCode.OutOfRange && !hasLimits ? ".NoLimits" : "")}{(withLabel ? ".Field" : "")}";

    /// <summary>The key of a named value's text, e.g. <c>ExpectedValue.Date</c>.</summary>
    public static string KeyOf(Enum value) => $"{value.GetType().Name}.{value}";

    private (string format, CultureInfo culture)? Lookup(string key) =>
        T[key] is { ResourceNotFound: false } text ? (text.Value, CultureInfo.CurrentCulture) : null;

    private static string Word(RuleViolation violation, string? label, Func<string, (string format, CultureInfo culture)?> lookup)
    {
        var values = violation.Arguments.Select(a => a is Enum named ? lookup(KeyOf(named))?.format ?? named.ToString() : a);
        object[] arguments = label is null ? [.. values] : [label, .. values];
        var text = lookup(KeyOf(violation.Code, label is not null, violation.Arguments.Length >= 2))
            ?? lookup(KeyOf(RuleViolationCode.Invalid, label is not null))
            ?? throw new KeyNotFoundException($"The message table has no text for {violation.Code}.");
        return string.Format(text.culture, text.format, arguments);
    }
}

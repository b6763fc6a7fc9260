using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// The labels of the certification forms' fields that belong to a requirement (<c>answers.skydd.comment</c>): each names
/// the requirement by its text, since the same label ("Kommentar") stands beside every one.
/// </summary>
public static class RequirementFieldLabels
{
    /// <summary>
    /// The label of <paramref name="field"/>, <c>{prefix}.{key}</c> or <c>{prefix}.{key}.{part}</c>, from <paramref name="keys"/>
    /// (the message table key by part, "" for the requirement itself); null when it is no field of a requirement of the list.
    /// </summary>
    public static FieldLabel? Of(string field, RequirementCatalog requirements, string prefix, IReadOnlyDictionary<string, string> keys)
    {
        if (!field.StartsWith(prefix + ".", StringComparison.Ordinal))
            return null;
        var rest = field[(prefix.Length + 1)..];
        foreach (var requirement in requirements.Requirements)
        {
            var part = rest == requirement.Key ? "" : rest.StartsWith(requirement.Key + ".", StringComparison.Ordinal) ? rest[(requirement.Key.Length + 1)..] : null;
            if (part is not null && keys.TryGetValue(part, out var key))
                return new(key, requirement.Text.TrimEnd('.'));
        }

        return null;
    }
}

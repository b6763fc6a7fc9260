namespace NspWorkflow.Web.Infrastructure.Layout;

/// <summary>The ids that tie a form field to its error messages (<c>_FieldErrors</c>) for the input's aria-describedby.</summary>
public static class FieldErrors
{
    /// <summary>The id of a field's errors; the dots of a nested field become dashes, so the id needs no escaping in CSS.</summary>
    public static string Id(string field) => $"{field.Replace('.', '-')}-error";

    /// <summary>An input's aria-describedby: its hint, and the errors' element of <paramref name="errorsOf"/> when it has errors; null for none.</summary>
    public static string? DescribedBy(string? hintId, string? errorsOf)
    {
        var ids = string.Join(' ', new[] { hintId, errorsOf is null ? null : Id(errorsOf) }.OfType<string>());
        return ids.Length == 0 ? null : ids;
    }
}

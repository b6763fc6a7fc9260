namespace NspWorkflow.Web.Infrastructure.Layout;

/// <summary>The ids that tie a form field to its error messages (<c>_FieldErrors</c>) for the input's aria-describedby.</summary>
public static class FieldErrors
{
    /// <summary>The id of a field's errors; the dots of a nested field become dashes, so the id needs no escaping in CSS.</summary>
    public static string Id(string field) => $"{field.Replace('.', '-')}-error";
}

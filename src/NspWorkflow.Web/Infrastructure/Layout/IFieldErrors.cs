namespace NspWorkflow.Web.Infrastructure.Layout;

/// <summary>
/// A page's errors by field (named as the rules name them), for a partial that renders fields of more than one page:
/// the messages at a field, its aria attributes, and the key <c>_FieldErrors</c> makes its element's id from.
/// </summary>
public interface IFieldErrors
{
    IReadOnlyList<string> ErrorsOf(string field);

    string AriaInvalid(string field);

    /// <summary>The ids that describe an input: its hint, and its error when it has one.</summary>
    string? DescribedBy(string field, string? hintId = null);

    /// <summary>What <c>_FieldErrors</c> is given as the field, so its id is the one <see cref="DescribedBy"/> names.</summary>
    string ErrorKey(string field);
}

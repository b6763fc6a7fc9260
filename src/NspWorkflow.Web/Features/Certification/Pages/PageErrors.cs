using NspWorkflow.Web.Infrastructure.Layout;

namespace NspWorkflow.Web.Features.Certification.Pages;

/// <summary>
/// A page's refused fields: the messages beside each field (by the rule's field name) and the summary at the top, whose
/// links lead to the inputs. For the invitation pages, which are no task form.
/// </summary>
public sealed class PageErrors : IFieldErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);
    private readonly List<SummaryError> summary = [];

    public IReadOnlyList<SummaryError> Summary => summary;

    public void Add(string? field, string message, string? inputId)
    {
        if (field is not null && inputId is not null)
            (byField.TryGetValue(field, out var list) ? list : byField[field] = []).Add(message);
        if (!summary.Any(s => s.Message == message))
            summary.Add(new(message, inputId));
    }

    public IReadOnlyList<string> ErrorsOf(string field) => byField.TryGetValue(field, out var messages) ? messages : [];

    public string AriaInvalid(string field) => ErrorsOf(field).Count > 0 ? "true" : "false";

    public string? DescribedBy(string field, string? hintId = null) => FieldErrors.DescribedBy(hintId, ErrorsOf(field).Count > 0 ? field : null);

    public string ErrorKey(string field) => field;
}

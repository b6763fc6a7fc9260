using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Cases.Api;

namespace NspWorkflow.Web.Pages.Tasks;

/// <summary>One area of the comprehensive needs assessment as the form posts it; an area left unanswered is not sent.</summary>
public sealed class NeedAreaInput
{
    /// <summary>"yes", "no", or empty when the user did not answer.</summary>
    public string? Need { get; set; }

    public string? PlannedSupport { get; set; }

    public string? Notes { get; set; }

    public bool Answered => Need is "yes" or "no";
}

/// <summary>
/// What the task form posts, turned into the same <see cref="TaskData"/> the API takes, so that
/// <see cref="NspWorkflow.Web.Cases.TaskCompletion"/> applies exactly the same rules to both.
/// </summary>
public sealed class TaskFormInput
{
    public string? Reason { get; set; }

    public string? Report { get; set; }

    /// <summary>Keyed by the area's API name (housing, materialSupport, ...).</summary>
    public Dictionary<string, NeedAreaInput> Areas { get; set; } = [];

    public bool PublicPaysHousing { get; set; }

    public bool PublicPaysProtection { get; set; }

    public bool MotivatedSupplement { get; set; }

    public static IReadOnlyList<NeedArea> AllAreas { get; } = Enum.GetValues<NeedArea>();

    public NeedAreaInput Area(NeedArea area) =>
        Areas.TryGetValue(NeedsAssessment.Json(area), out var input) ? input : new NeedAreaInput();

    /// <summary>
    /// The data for the task. The needs assessment is sent when any area is answered (it is optional on the form): the
    /// domain then says which areas are still missing. The checkboxes of the terms are sent only for a next step.
    /// </summary>
    public TaskData ToData(string? formKey, DateOnly today)
    {
        var nextStep = formKey == "next-step";
        var answered = Areas.Where(a => a.Value.Answered).ToList();
        var assessment = nextStep && answered.Count > 0
            ? new NeedsAssessmentRequest("comprehensive", today, answered.ToDictionary(
                a => a.Key, a => new NeedEntryRequest(a.Value.Need == "yes", a.Value.PlannedSupport, a.Value.Notes)))
            : null;
        return new TaskData(
            Blank(Reason),
            Blank(Report),
            assessment,
            nextStep ? PublicPaysHousing : null,
            nextStep ? PublicPaysProtection : null,
            nextStep ? MotivatedSupplement : null);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

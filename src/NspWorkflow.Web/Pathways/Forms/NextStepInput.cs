using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Cases.Api;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>One area of the comprehensive needs assessment as the form posts it; an area left unanswered is not sent.</summary>
public sealed class NeedAreaInput
{
    /// <summary>"yes", "no", or empty when the user did not answer.</summary>
    public string? Need { get; set; }

    public string? PlannedSupport { get; set; }

    public string? Notes { get; set; }

    public bool Answered => Need is "yes" or "no";
}

/// <summary>What the next-step page posts, turned into the same <see cref="NextStepData"/> the API takes, so both meet the same rules.</summary>
public sealed class NextStepInput
{
    /// <summary>Keyed by the area's API name (housing, materialSupport, ...).</summary>
    public Dictionary<string, NeedAreaInput> Areas { get; set; } = [];

    public bool PublicPaysHousing { get; set; }

    public bool PublicPaysProtection { get; set; }

    public DateOnly? LastDay { get; set; }

    public static IReadOnlyList<NeedArea> AllAreas { get; } = Enum.GetValues<NeedArea>();

    public NeedAreaInput Area(NeedArea area) =>
        Areas.TryGetValue(NeedsAssessment.Json(area), out var input) ? input : new NeedAreaInput();

    public static string AreaInputId(string area, string part) => $"Input_Areas_{area}_{part}";

    /// <summary>
    /// The data for the task. The needs assessment is sent when any area is answered (it is optional on the form): the
    /// domain then says which areas are still missing.
    /// </summary>
    public NextStepData ToData(DateOnly today)
    {
        var answered = Areas.Where(a => a.Value.Answered).ToList();
        return new NextStepData
        {
            NeedsAssessment = answered.Count > 0
                ? new NeedsAssessmentRequest("comprehensive", today, answered.ToDictionary(
                    a => a.Key, a => new NeedEntryRequest(a.Value.Need == "yes", a.Value.PlannedSupport, a.Value.Notes)))
                : null,
            PublicPaysHousing = PublicPaysHousing,
            PublicPaysProtection = PublicPaysProtection,
            LastDay = LastDay,
        };
    }
}

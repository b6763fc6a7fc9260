using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Infrastructure.Api;
using NspWorkflow.Web.Infrastructure.Layout;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Shelters.Pages;

/// <summary>
/// /shelters/placement: certified shelters with their free places, for the coordinator placing a person and a shelter
/// referring one on. The filter is the address (a GET form), so a search survives a reload and can be shared; it holds no
/// personal data, only a region, target groups, a form of exploitation and a number.
/// </summary>
[Authorize(ShelterPolicies.Placement)]
public sealed class PlacementModel(PlacementSearch search, RuleViolationTexts violations, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty(SupportsGet = true, Name = PlacementQuery.RegionField)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = PlacementQuery.WomenField)]
    public string? Women { get; set; }

    [BindProperty(SupportsGet = true, Name = PlacementQuery.MenField)]
    public string? Men { get; set; }

    [BindProperty(SupportsGet = true, Name = PlacementQuery.AccompanyingChildrenField)]
    public string? AccompanyingChildren { get; set; }

    [BindProperty(SupportsGet = true, Name = PlacementQuery.ActiveSubstanceAbuseField)]
    public string? ActiveSubstanceAbuse { get; set; }

    [BindProperty(SupportsGet = true, Name = PlacementQuery.ExploitationFormField)]
    public string? ExploitationForm { get; set; }

    [BindProperty(SupportsGet = true, Name = PlacementQuery.MinFreePlacesField)]
    public string? MinFreePlaces { get; set; }

    /// <summary>The filter as read; what could not be read is left out of it and has a message in <see cref="Errors"/>.</summary>
    public PlacementFilter Filter { get; private set; } = new();

    /// <summary>The search's answer; none while the filter has a value that could not be read.</summary>
    public PlacementResult? Result { get; private set; }

    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The filter's fields in the order of the form: the query's name, the input's id and the label's key.</summary>
    public static IReadOnlyList<(string Field, string Input, string Label)> Fields { get; } =
    [
        (PlacementQuery.RegionField, "Region", "Region"),
        (PlacementQuery.WomenField, "Women", "Women"),
        (PlacementQuery.MenField, "Men", "Men"),
        (PlacementQuery.AccompanyingChildrenField, "AccompanyingChildren", "AccompanyingChildren"),
        (PlacementQuery.ActiveSubstanceAbuseField, "ActiveSubstanceAbuse", "PeopleWithActiveSubstanceAbuse"),
        (PlacementQuery.ExploitationFormField, "ExploitationForm", "Placement.ExploitationForm"),
        (PlacementQuery.MinFreePlacesField, "MinFreePlaces", "Placement.MinFreePlaces"),
    ];

    /// <summary>The target groups' boxes, which share one fieldset.</summary>
    public static IReadOnlyList<(string Field, string Input, string Label)> TargetGroupFields { get; } = [.. Fields.Skip(1).Take(4)];

    /// <summary>The regions and the forms of exploitation as the address spells them.</summary>
    public static IReadOnlyList<(string Value, Region Region)> Regions { get; } =
        [.. Enum.GetValues<Region>().Select(r => (RequestEnums.Name(r), r))];

    public static IReadOnlyList<(string Value, ExploitationForm Form)> ExploitationForms { get; } =
        [.. Enum.GetValues<ExploitationForm>().Select(f => (RequestEnums.Name(f), f))];

    public bool Filtered => Filter != new PlacementFilter();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = new PlacementQuery(Region, Women, Men, AccompanyingChildren, ActiveSubstanceAbuse, ExploitationForm, MinFreePlaces);
        var (filter, refused) = query.ToFilter();
        Filter = filter;
        foreach (var violation in refused)
        {
            var label = Fields.First(f => f.Field == violation.Field).Label;
            (Errors.TryGetValue(violation.Field, out var list) ? list : Errors[violation.Field] = []).Add(violations.Message(violation, T[label]));
        }
        // A search with a value it could not read would answer another question than the one asked.
        if (Errors.Count == 0)
            Result = await search.FindAsync(filter, cancellationToken);
    }

    public IReadOnlyList<string> ErrorsOf(string field) => Errors.TryGetValue(field, out var list) ? list : [];

    public string AriaInvalid(string field) => ErrorsOf(field).Count > 0 ? "true" : "false";

    public string? DescribedBy(string field, string? hintId = null) =>
        FieldErrors.DescribedBy(hintId, ErrorsOf(field).Count > 0 ? field : null);
}

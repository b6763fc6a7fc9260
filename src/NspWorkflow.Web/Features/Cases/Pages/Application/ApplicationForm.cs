using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Web.Features.Cases.Pages.Application;

/// <summary>
/// The admission application as the page's form holds it: every field as typed (nullable, so a blank stays blank), the
/// children as rows, and one row per area of the initial needs assessment. It is also what a draft stores.
/// </summary>
public sealed class ApplicationForm
{
    /// <summary>Rows a new form shows for children; "add a child" adds one more.</summary>
    public const int ChildRowsShown = 1;

    public DateOnly? PlacementDate { get; set; }
    public int? BirthYear { get; set; }
    public Gender? Gender { get; set; }

    /// <summary>The country of origin by name (Swedish or English) or code, as the searchable list fills it in.</summary>
    public string? Country { get; set; }

    public List<ExploitationForm> Exploitation { get; set; } = [];
    public List<ChildInput> Children { get; set; } = [];
    public bool LikelyVictim { get; set; }
    public bool ShelterCanMeetNeeds { get; set; }
    public bool NotFundedBySociety { get; set; }
    public DateOnly? AssessmentDate { get; set; }
    public List<NeedInput> Needs { get; set; } = [];

    /// <summary>A blank form: one child row, the assessment dated today, every area without a need.</summary>
    public static ApplicationForm Blank(DateOnly today) => new ApplicationForm { AssessmentDate = today }.WithRows();

    /// <summary>
    /// The form of an application on file, to complete it; the country by <paramref name="countryName"/>. An application
    /// sent without an initial needs assessment gets one dated <paramref name="today"/> to fill in.
    /// </summary>
    public static ApplicationForm From(CaseApplication application, string countryName, DateOnly today) => new ApplicationForm
    {
        PlacementDate = application.PlacementDate,
        BirthYear = application.BirthYear,
        Gender = application.Gender,
        Country = countryName,
        Exploitation = [.. application.Exploitation],
        Children = [.. application.Children.Select(c => new ChildInput { BirthYear = c.BirthYear, InSweden = c.InSweden })],
        LikelyVictim = application.Criteria.LikelyVictim,
        ShelterCanMeetNeeds = application.Criteria.ShelterCanMeetNeeds,
        NotFundedBySociety = application.Criteria.NotFundedBySociety,
        AssessmentDate = application.NeedsAssessment?.Date ?? today,
        Needs = [.. (application.NeedsAssessment?.Areas ?? new Dictionary<NeedArea, NeedEntry>())
            .Select(a => new NeedInput { Area = a.Key, Need = a.Value.Need, PlannedSupport = a.Value.PlannedSupport, Notes = a.Value.Notes })],
    }.WithRows();

    /// <summary>Fills what a form posted without: one row per need area in their order, and at least the rows shown for children.</summary>
    public ApplicationForm WithRows()
    {
        var byArea = Needs.Where(n => Enum.IsDefined(n.Area)).GroupBy(n => n.Area).ToDictionary(g => g.Key, g => g.First());
        Needs = [.. Enum.GetValues<NeedArea>().Select(area => byArea.GetValueOrDefault(area) ?? new NeedInput { Area = area })];
        while (Children.Count < ChildRowsShown)
            Children.Add(new ChildInput());
        return this;
    }

    /// <summary>
    /// The application for <paramref name="shelterId"/>; a missing field or an unknown country adds its violation (named
    /// as the API names the field) and leaves a placeholder the domain's rules do not report twice.
    /// </summary>
    public CaseApplication ToApplication(Guid shelterId, DateOnly today, CountryNames countries, List<RuleViolation> violations)
    {
        if (PlacementDate is null)
            violations.Add(new(ApplicationFields.PlacementDate, RuleViolationCode.Required));
        if (BirthYear is null)
            violations.Add(new(ApplicationFields.BirthYear, RuleViolationCode.Required));
        if (Gender is null)
            violations.Add(new(ApplicationFields.Gender, RuleViolationCode.Required));
        var country = countries.Find(Country);
        if (string.IsNullOrWhiteSpace(Country))
            violations.Add(new(ApplicationFields.Country, RuleViolationCode.Required));
        else if (country is null)
            violations.Add(new(ApplicationFields.Country, RuleViolationCode.Invalid));
        if (AssessmentDate is null)
            violations.Add(new(ApplicationFields.AssessmentDate, RuleViolationCode.Required));

        // A row left empty is no child; a row with only "in Sweden" ticked still needs its birth year.
        var children = new List<Child>();
        for (var i = 0; i < Children.Count; i++)
        {
            var row = Children[i];
            if (row.BirthYear is { } year)
                children.Add(new Child(year, row.InSweden));
            else if (row.InSweden)
                violations.Add(new(ApplicationFields.ChildBirthYear(i), RuleViolationCode.Required));
        }

        var areas = Needs.Where(n => Enum.IsDefined(n.Area))
            .ToDictionary(n => n.Area, n => new NeedEntry(n.Need, Blank(n.PlannedSupport), Blank(n.Notes)));
        return new CaseApplication(
            shelterId,
            PlacementDate ?? today,
            BirthYear ?? CaseApplication.OldestBirthYear,
            Gender ?? Domain.Cases.Gender.Undisclosed,
            country ?? "SE",
            [.. Exploitation.Distinct()],
            children,
            new AdmissionCriteria(LikelyVictim, ShelterCanMeetNeeds, NotFundedBySociety),
            new NeedsAssessment(NeedsAssessmentKind.Initial, AssessmentDate ?? today, areas));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One accompanying child: the birth year, and whether the child is in Sweden (else in the country of origin).</summary>
public sealed class ChildInput
{
    public int? BirthYear { get; set; }
    public bool InSweden { get; set; }
}

/// <summary>One area of the initial needs assessment.</summary>
public sealed class NeedInput
{
    public NeedArea Area { get; set; }
    public bool Need { get; set; }
    public string? PlannedSupport { get; set; }
    public string? Notes { get; set; }
}

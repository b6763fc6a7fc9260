using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.PointInterventions;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Infrastructure.Api;

namespace NspWorkflow.Web.Features.Cases.Api;

/// <summary>
/// <c>POST /api/cases</c>: the admission application. Every field is optional in the JSON so that a missing or
/// misspelt value becomes a 422 naming the field, not a bare 400.
/// </summary>
public sealed record CaseApplicationRequest(
    Guid? ShelterId,
    DateOnly? PlacementDate,
    int? BirthYear,
    string? Gender,
    string? CountryOfOrigin,
    string[]? Exploitation,
    ChildRequest[]? Children,
    CriteriaRequest? Criteria,
    NeedsAssessmentRequest? NeedsAssessment)
{
    public CaseApplication ToApplication(List<RuleViolation> violations)
    {
        if (ShelterId is null)
            violations.Add(new("shelterId", RuleViolationCode.Required));
        if (PlacementDate is null)
            violations.Add(new("placementDate", RuleViolationCode.Required));
        if (BirthYear is null)
            violations.Add(new("birthYear", RuleViolationCode.Required));
        if (Criteria is null)
            violations.Add(new("criteria", RuleViolationCode.Required));

        var children = new List<Child>();
        for (var i = 0; i < (Children?.Length ?? 0); i++)
        {
            var child = Children![i];
            if (child?.BirthYear is not { } year || child.InSweden is not { } inSweden)
                violations.Add(new($"children[{i}]", RuleViolationCode.Required));
            else
                children.Add(new Child(year, inSweden));
        }

        var exploitation = new List<ExploitationForm>();
        foreach (var form in Exploitation ?? [])
        {
            if (RequestEnums.TryParse<ExploitationForm>(form, out var parsed))
                exploitation.Add(parsed);
            else
                violations.Add(new("exploitation", RuleViolationCode.Invalid));
        }

        return new CaseApplication(
            ShelterId ?? Guid.Empty,
            PlacementDate ?? DateOnly.MinValue,
            BirthYear ?? 0,
            RequestEnums.Parse<Gender>(Gender, "gender", violations, required: true),
            CountryOfOrigin?.Trim().ToUpperInvariant() ?? "",
            exploitation,
            children,
            Criteria is { } c ? new AdmissionCriteria(c.LikelyVictim, c.ShelterCanMeetNeeds, c.NotFundedBySociety) : new AdmissionCriteria(true, true, true),
            NeedsAssessment?.ToAssessment("needsAssessment", NeedsAssessmentKind.Initial, violations));
    }
}

public sealed record ChildRequest(int? BirthYear, bool? InSweden);

public sealed record CriteriaRequest(bool LikelyVictim, bool ShelterCanMeetNeeds, bool NotFundedBySociety);

/// <summary>A needs assessment: areas by their camelCase names (housing, materialSupport, ... schoolingForChildren).</summary>
public sealed record NeedsAssessmentRequest(string? Kind, DateOnly? Date, Dictionary<string, NeedEntryRequest>? Areas)
{
    public NeedsAssessment ToAssessment(string field, NeedsAssessmentKind defaultKind, List<RuleViolation> violations)
    {
        var kind = Kind is null ? defaultKind : RequestEnums.Parse<NeedsAssessmentKind>(Kind, $"{field}.kind", violations, required: true);
        if (Date is null)
            violations.Add(new($"{field}.date", RuleViolationCode.Required));
        var areas = new Dictionary<NeedArea, NeedEntry>();
        foreach (var (name, entry) in Areas ?? [])
        {
            if (!RequestEnums.TryParse<NeedArea>(name, out var area) || entry is null)
                violations.Add(new($"{field}.areas.{name}", RuleViolationCode.Invalid));
            else
                areas[area] = new NeedEntry(entry.Need, Blank(entry.PlannedSupport), Blank(entry.Notes));
        }

        return new NeedsAssessment(kind, Date ?? DateOnly.MinValue, areas);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record NeedEntryRequest(bool Need, string? PlannedSupport, string? Notes);

/// <summary><c>POST /api/cases/{id}/messages</c>: e.g. <c>police-report-filed</c> with <c>{date, mmmGranted}</c>.</summary>
public sealed record CaseMessageRequest(string? Name, PoliceReportData? Data);

public sealed record PoliceReportData(DateOnly? Date, bool? MmmGranted);

/// <summary><c>POST /api/cases/{id}/point-interventions</c>.</summary>
public sealed record PointInterventionRequest(string? CategoryKey, decimal? Amount, string? Description, DateOnly? Date, string? ReceiptReference)
{
    public PointIntervention ToIntervention(List<RuleViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(CategoryKey))
            violations.Add(new("categoryKey", RuleViolationCode.Required));
        if (Amount is null)
            violations.Add(new("amount", RuleViolationCode.Required));
        if (Date is null)
            violations.Add(new("date", RuleViolationCode.Required));
        return new PointIntervention(CategoryKey?.Trim() ?? "", Amount ?? 0m, Description?.Trim() ?? "", ReceiptReference?.Trim(), Date ?? DateOnly.MinValue);
    }
}

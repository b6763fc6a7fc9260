using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Features.Tasks.Api;
using NspWorkflow.Web.Infrastructure.Api;

namespace NspWorkflow.Web.Features.Cases.Api;

public sealed record CaseCreated(Guid Id, string Reference);

/// <summary>A case in a list; <see cref="Erased"/>: its personal data was erased at the end of the retention period.</summary>
public sealed record CaseSummary(Guid Id, string Reference, Guid ShelterId, string Status, string Outcome, DateOnly PlacementDate, bool Erased = false);

public sealed record CaseDetails(
    Guid Id,
    string Reference,
    Guid ShelterId,
    string Status,
    string Outcome,
    DateOnly PlacementDate,
    int BirthYear,
    string Gender,
    string CountryOfOrigin,
    IReadOnlyList<string> Exploitation,
    IReadOnlyList<ChildResponse> Children,
    CriteriaRequest Criteria,
    IReadOnlyList<NeedsAssessmentResponse> NeedsAssessments,
    IReadOnlyList<PoliceReportResponse> PoliceReports,
    IReadOnlyList<PeriodResponse> Periods,
    decimal TotalAmount,
    IReadOnlyList<PointInterventionResponse> PointInterventions,
    IReadOnlyList<RejectedRequestResponse> RejectedRequests,
    string? RejectionReason,
    string? ExitReport,
    IReadOnlyList<TaskResponse> OpenTasks,
    PeriodResponse? RequestedPeriod = null,
    string? CompletionComment = null,
    IReadOnlyList<string>? AmendedFields = null,
    string? ShelterName = null,
    bool ShelterNotCertified = false,
    IReadOnlyList<SupplementResponse>? Supplements = null)
{
    /// <summary>
    /// The case's shelter by name, and whether its certification has lapsed while the case is open: it can apply for no
    /// more money (004), so the person must move to a certified shelter when the running period ends.
    /// </summary>
    public CaseDetails WithShelter(Shelter? shelter, DateOnly today) => this with
    {
        ShelterName = shelter?.Name,
        ShelterNotCertified = Status is "applied" or "active" && shelter?.IsCertifiedOn(today) != true,
    };

    public static CaseDetails From(Case c, TariffSchedule tariffs, IReadOnlyList<TaskResponse> openTasks)
    {
        var periods = c.Periods.Select(p => PeriodResponse.From(p, tariffs)).ToList();
        return new CaseDetails(
            c.Id, c.Reference, c.ShelterId, RequestEnums.Name(c.Status), RequestEnums.Name(c.Outcome), c.Application.PlacementDate,
            c.Application.BirthYear, RequestEnums.Name(c.Application.Gender), c.Application.CountryOfOrigin,
            [.. c.Application.Exploitation.Select(RequestEnums.Name)],
            [.. c.Application.Children.Select(ch => new ChildResponse(ch.BirthYear, ch.InSweden, ch.JoinedOn, ch.LeftOn))],
            new CriteriaRequest(c.Application.Criteria.LikelyVictim, c.Application.Criteria.ShelterCanMeetNeeds, c.Application.Criteria.NotFundedBySociety),
            [.. c.NeedsAssessments.Select(NeedsAssessmentResponse.From)],
            [.. c.PoliceReports.Select(r => new PoliceReportResponse(r.Date, r.MmmGranted))],
            periods,
            // A point intervention applied for with the application is paid only once the admission is approved.
            periods.Sum(p => p.Amount) + (c.Status == CaseStatus.Applied ? 0m
                : c.PointInterventions.Where(p => p.Status == PointInterventionStatus.Approved).Sum(p => p.Details.Amount)),
            [.. c.PointInterventions.Select(PointInterventionResponse.From)],
            [.. c.RejectedRequests.Select(r => new RejectedRequestResponse(RequestEnums.Name(r.Kind), r.Reason))],
            c.RejectionReason,
            c.ExitReport,
            openTasks,
            RequestedPeriodOf(c, tariffs),
            c.CompletionComment,
            c.AmendedFields,
            Supplements: [.. c.Supplements.Select(s => new SupplementResponse(s.Id, s.Justification, s.RequestedOn, RequestEnums.Name(s.Status),
                s.DecidedOn, s.RejectionReason))]);
    }

    /// <summary>What approving the shelter's request would start.</summary>
    private static PeriodResponse? RequestedPeriodOf(Case c, TariffSchedule tariffs) =>
        c.PendingRequest is { } request ? NextPeriodOf(c, request.Kind, tariffs) : null;

    /// <summary>
    /// The period of <paramref name="kind"/> the case would start next (on the terms asked for, if any), with its days and
    /// amount; null when it cannot. Computed on a copy, so the case being read is not changed.
    /// </summary>
    public static PeriodResponse? NextPeriodOf(Case c, PeriodKind kind, TariffSchedule tariffs)
    {
        try
        {
            return PeriodResponse.From(Case.Restore(c.ToSnapshot(), tariffs).StartNext(kind, tariffs), tariffs);
        }
        catch (RuleViolationException)
        {
            // No tariff for those days, or no room left: the coordinator's approval will say so.
            return null;
        }
    }
}

/// <summary>A child: one who joined or left during the case has the first or last day of its supplement.</summary>
public sealed record ChildResponse(int BirthYear, bool InSweden, DateOnly? JoinedOn = null, DateOnly? LeftOn = null);

public sealed record NeedsAssessmentResponse(string Kind, DateOnly Date, IReadOnlyDictionary<string, NeedEntryRequest> Areas)
{
    public static NeedsAssessmentResponse From(NeedsAssessment a) => new(
        RequestEnums.Name(a.Kind), a.Date,
        a.Areas.ToDictionary(e => NeedsAssessment.Json(e.Key), e => new NeedEntryRequest(e.Value.Need, e.Value.PlannedSupport, e.Value.Notes)));
}

public sealed record PoliceReportResponse(DateOnly Date, bool MmmGranted);

public sealed record RejectedRequestResponse(string Kind, string Reason);

/// <summary>
/// A period with its days (first and last included), its amount at the tariffs in force on each day, its terms from its
/// first day, and the terms from later days it changed on (a child joined or left, the public began to pay a part).
/// </summary>
public sealed record PeriodResponse(
    string Kind, int Number, DateOnly FirstDay, DateOnly LastDay, int Days, decimal Amount,
    bool PublicPaysHousing, bool PublicPaysProtection, int ChildrenInSweden, bool MotivatedSupplement,
    string? MotivatedSupplementJustification = null, IReadOnlyList<TermsChangeResponse>? Changes = null)
{
    public static PeriodResponse From(SupportPeriod p, TariffSchedule tariffs) => new(
        RequestEnums.Name(p.Kind), p.Number, p.FirstDay, p.LastDay, p.Days, PeriodAmount.Calculate(p, tariffs).Total,
        p.Terms.PublicPaysHousing, p.Terms.PublicPaysProtection, p.Terms.AccompanyingChildrenInSweden, p.Terms.MotivatedSupplementApproved,
        p.Terms.MotivatedSupplementJustification,
        [.. (p.Changes ?? []).Select(c => new TermsChangeResponse(c.From, c.Terms.PublicPaysHousing, c.Terms.PublicPaysProtection,
            c.Terms.AccompanyingChildrenInSweden, c.Terms.MotivatedSupplementApproved))]);
}

/// <summary>The motivated supplement asked for, and its decision.</summary>
public sealed record SupplementResponse(Guid Id, string Justification, DateOnly RequestedOn, string Status, DateOnly? DecidedOn, string? RejectionReason);

/// <summary>A period's terms from a day inside it on.</summary>
public sealed record TermsChangeResponse(DateOnly From, bool PublicPaysHousing, bool PublicPaysProtection, int ChildrenInSweden, bool MotivatedSupplement);

public sealed record PointInterventionResponse(
    Guid Id, string CategoryKey, decimal Amount, string Description, DateOnly Date, string? ReceiptReference, string Status, string? RejectionReason)
{
    public static PointInterventionResponse From(CasePointIntervention p) => new(
        p.Id, p.Details.CategoryKey, p.Details.Amount, p.Details.Description, p.Details.Date, p.Details.ReceiptReference,
        RequestEnums.Name(p.Status), p.RejectionReason);
}

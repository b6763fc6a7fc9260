using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Cases;

/// <summary>
/// One person's case at one shelter, known by a pseudonymous <see cref="Reference"/>. The rules hold whatever a workflow
/// definition asks: each change checks them and throws <see cref="RuleViolationException"/> without changing anything.
/// </summary>
public sealed partial class Case
{
    public const int MaxTextLength = 2000;

    private readonly List<NeedsAssessment> needsAssessments;
    private readonly List<CasePointIntervention> pointInterventions;
    private readonly List<RejectedRequest> rejectedRequests;
    private readonly List<CaseSupplement> supplements;
    private CasePeriods periods;

    private Case(CaseSnapshot snapshot, CasePeriods periods)
    {
        Id = snapshot.Id;
        Reference = snapshot.Reference;
        Application = snapshot.Application;
        Status = snapshot.Status;
        ClosedOutcome = snapshot.ClosedOutcome;
        RejectionReason = snapshot.RejectionReason;
        PendingRequest = snapshot.PendingRequest;
        ExitReport = snapshot.ExitReport;
        CompletionComment = snapshot.CompletionComment;
        AmendedFields = snapshot.AmendedFields ?? [];
        CreatedAt = snapshot.CreatedAt;
        needsAssessments = [.. snapshot.NeedsAssessments];
        pointInterventions = [.. snapshot.PointInterventions];
        rejectedRequests = [.. snapshot.RejectedRequests ?? []];
        supplements = [.. snapshot.Supplements ?? []];
        this.periods = periods;
    }

    public Guid Id { get; }
    public string Reference { get; }
    public CaseApplication Application { get; private set; }
    public Guid ShelterId => Application.ShelterId;
    public CaseStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The outcome the case was closed with; null while open.</summary>
    public CaseOutcome? ClosedOutcome { get; private set; }

    /// <summary>The outcome: the closing one, else MMM once granted, else open.</summary>
    public CaseOutcome Outcome => ClosedOutcome ?? periods.Outcome;

    public string? RejectionReason { get; private set; }
    public string? ExitReport { get; private set; }

    /// <summary>What the coordinator asked the shelter to complete in its application (free text); kept after it is answered.</summary>
    public string? CompletionComment { get; private set; }

    /// <summary>What the shelter's last completion changed in the application (fields as the API names them), for the coordinator.</summary>
    public IReadOnlyList<string> AmendedFields { get; private set; } = [];

    /// <summary>The next period the shelter asked for, with its terms, until the period starts.</summary>
    public PeriodRequest? PendingRequest { get; private set; }

    public IReadOnlyList<NeedsAssessment> NeedsAssessments => needsAssessments;
    public IReadOnlyList<SupportPeriod> Periods => periods.Periods;
    public IReadOnlyList<PoliceReport> PoliceReports => periods.PoliceReports;
    public IReadOnlyList<CasePointIntervention> PointInterventions => pointInterventions;

    /// <summary>Periods the shelter asked for and the coordinator refused, with the reason.</summary>
    public IReadOnlyList<RejectedRequest> RejectedRequests => rejectedRequests;

    /// <summary>Opens a case from an application; it waits for the coordinator's admission.</summary>
    public static Case Open(Guid id, string reference, CaseApplication application, Shelter? shelter, DateTimeOffset now, DateOnly today,
        TariffSchedule tariffs)
    {
        var violations = application.Validate(shelter, today, tariffs);
        if (violations.Count > 0)
            throw new RuleViolationException(violations);
        return new Case(
            new CaseSnapshot(id, reference, application, CaseStatus.Applied, null, null, null, null, now,
                application.NeedsAssessment is { } initial ? [initial] : [], [], [], [], []),
            new CasePeriods());
    }

    /// <summary>Rebuilds a stored case, checking its history against the rules.</summary>
    public static Case Restore(CaseSnapshot snapshot, TariffSchedule tariffs) =>
        new(snapshot, CasePeriods.Restore(snapshot.Periods, snapshot.PoliceReports,
            snapshot.PointInterventions.Where(p => p.Status == PointInterventionStatus.Approved).Select(p => p.Details), tariffs));

    public CaseSnapshot ToSnapshot() => new(Id, Reference, Application, Status, ClosedOutcome, RejectionReason, PendingRequest,
        ExitReport, CreatedAt, [.. needsAssessments], [.. periods.Periods], [.. periods.PoliceReports], [.. pointInterventions],
        [.. rejectedRequests], CompletionComment, [.. AmendedFields], [.. supplements]);

    public void Admit()
    {
        Require(CaseStatus.Applied);
        Status = CaseStatus.Active;
    }

    /// <summary>
    /// Refuses the admission. A point intervention applied for with it is paid only if the admission is approved, so it
    /// is refused with it, for the same reason, whether or not it was decided meanwhile.
    /// </summary>
    public void Reject(string? reason)
    {
        Require(CaseStatus.Applied);
        RejectionReason = RequiredText("reason", reason);
        Status = CaseStatus.Closed;
        ClosedOutcome = CaseOutcome.Rejected;
        for (var i = 0; i < pointInterventions.Count; i++)
        {
            if (pointInterventions[i].Status != PointInterventionStatus.Rejected)
                pointInterventions[i] = pointInterventions[i] with { Status = PointInterventionStatus.Rejected, RejectionReason = RejectionReason };
        }
        RejectSupplementsWithTheApplication();
    }

    /// <summary>The coordinator sends the application back to the shelter to complete, saying what is missing (required).</summary>
    public void AskForCompletion(string? comment)
    {
        Require(CaseStatus.Applied);
        CompletionComment = RequiredText("reason", comment);
    }

    /// <summary>
    /// The shelter sends its application again, completed as asked: the same rules as a new application, for the same
    /// shelter; the initial needs assessment it carries replaces the one on file. What changed is kept for the coordinator.
    /// </summary>
    public void Amend(CaseApplication application, DateOnly today, TariffSchedule tariffs)
    {
        Require(CaseStatus.Applied);
        if (application.ShelterId != ShelterId)
            throw new RuleViolationException([new("shelterId", RuleViolationCode.Invalid)]);
        var violations = application.ValidateFacts(today, tariffs);
        if (violations.Count > 0)
            throw new RuleViolationException(violations);

        AmendedFields = application.ChangedFrom(Application);
        Application = application;
        needsAssessments.RemoveAll(a => a.Kind == NeedsAssessmentKind.Initial);
        if (application.NeedsAssessment is { } initial)
            needsAssessments.Insert(0, initial);
    }

    /// <summary>Adds a needs assessment (e.g. the comprehensive one made before extended support).</summary>
    public void AddNeedsAssessment(NeedsAssessment assessment, string field)
    {
        var violations = assessment.Validate(field, Application.Children.Count > 0).ToList();
        if (violations.Count > 0)
            throw new RuleViolationException(violations);
        needsAssessments.Add(assessment);
    }

    /// <summary>
    /// The shelter asks for the next period on <paramref name="today"/>. Refused when the case is not running, before the
    /// running period's last days (the tariff's <see cref="Tariff.NextPeriodApplicationDays"/>) or while the last approved
    /// period has not begun, when no comprehensive needs assessment is on file, or, for extended support, when the
    /// tariff's number of extended periods is used up, and when the shelter's certification is not valid that day.
    /// </summary>
    public void RequestPeriod(PeriodKind kind, PeriodTerms terms, TariffSchedule tariffs, DateOnly today, Shelter? shelter)
    {
        Require(CaseStatus.Active);
        if (kind == PeriodKind.Reflection || periods.Periods.Count == 0 || periods.Outcome == CaseOutcome.Mmm)
            throw new RuleViolationException([new("outcome", RuleViolationCode.OutOfOrder)]);
        RequireCertified(shelter, today);
        // 002: a renewal follows a period "om behoven av skydd och stöd kvarstår": asked for as the running period ends,
        // never for a period after one that has not begun, so no more than one period is committed ahead.
        var opens = NextPeriodOpensOn(tariffs);
        if (today < opens)
            throw new RuleViolationException([new("outcome", RuleViolationCode.NextPeriodNotYetOpen, opens.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]);
        if (ComprehensiveAssessment() is null)
            throw new RuleViolationException([new("needsAssessment", RuleViolationCode.NeedsAssessmentRequired)]);

        var firstDay = periods.Periods[^1].LastDay.AddDays(1);
        if (kind == PeriodKind.Extended && tariffs.TryInForceOn(firstDay, out var tariff)
            && periods.Periods.Count(p => p.Kind == PeriodKind.Extended) >= tariff.Extended.MaxPeriods)
            throw new RuleViolationException([new("outcome", RuleViolationCode.TooManyExtendedPeriods, tariff.Extended.MaxPeriods)]);
        PendingRequest = new PeriodRequest(kind, TermsFor(kind, terms));
    }

    /// <summary>The first day the shelter may ask for the period after the last one (see <see cref="RequestPeriod"/>).</summary>
    public DateOnly NextPeriodOpensOn(TariffSchedule tariffs) => periods.ApplicationOpensOn(tariffs);

    /// <summary>The coordinator refused the period asked for; the shelter chooses again.</summary>
    public void RejectRequest(string? reason)
    {
        Require(CaseStatus.Active);
        if (PendingRequest is not { } request)
            throw new RuleViolationException([new("outcome", RuleViolationCode.OutOfOrder)]);
        rejectedRequests.Add(new RejectedRequest(request.Kind, RequiredText("reason", reason)));
        PendingRequest = null;
    }

    /// <summary>Starts the reflection on the placement date; a supplement approved meanwhile is paid from its approval.</summary>
    public SupportPeriod StartReflection(TariffSchedule tariffs)
    {
        Require(CaseStatus.Active);
        periods.StartReflection(Application.PlacementDate, TermsFor(PeriodKind.Reflection, new PeriodTerms()) with { MotivatedSupplementApproved = false },
            tariffs);
        if (ApprovedSupplement is { DecidedOn: { } approvedOn })
            PaySupplementFrom(approvedOn, tariffs);
        return periods.Periods[0];
    }

    /// <summary>Starts the next extended or integration period the day after the last one, on the terms asked for.</summary>
    public SupportPeriod StartNext(PeriodKind kind, TariffSchedule tariffs)
    {
        Require(CaseStatus.Active);
        var terms = PendingRequest is { } request && request.Kind == kind ? request.Terms : TermsFor(kind, new PeriodTerms());
        var period = kind switch
        {
            PeriodKind.Extended => periods.StartExtended(terms, tariffs),
            PeriodKind.Integration => periods.StartIntegration(terms, tariffs),
            _ => throw new RuleViolationException([new("kind", RuleViolationCode.OutOfOrder)]),
        };
        PendingRequest = null;
        return period;
    }

    /// <summary>
    /// A police report during the reflection or extended support. With MMM granted the state takes over: its date is the
    /// running period's last funded day, an approved period not yet begun is cancelled, and a request waiting is dropped.
    /// </summary>
    public void ApplyPoliceReport(DateOnly date, bool mmmGranted, TariffSchedule tariffs)
    {
        Require(CaseStatus.Active);
        periods.ApplyPoliceReport(date, mmmGranted, tariffs);
        if (mmmGranted)
            PendingRequest = null;
    }

    public void SubmitExitReport(string? report)
    {
        Require(CaseStatus.Active);
        if (!periods.Periods.Any(p => p.Kind == PeriodKind.Integration))
            throw new RuleViolationException([new("report", RuleViolationCode.OutOfOrder)]);
        ExitReport = RequiredText("report", report);
    }

    /// <summary>
    /// The shelter ends support (the person leaves, or returns) on <paramref name="lastDay"/>, the last funded day: the
    /// running period is paid to that day, not to its planned end. Required: a choice without its day would pay days
    /// nobody was supported.
    /// </summary>
    public void EndSupportOn(DateOnly? lastDay, TariffSchedule tariffs)
    {
        Require(CaseStatus.Active);
        if (lastDay is not { } day)
            throw new RuleViolationException([new("lastDay", RuleViolationCode.Required)]);
        periods.EndOn(day, tariffs);
        PendingRequest = null;
    }

    /// <summary>Ends the case with <paramref name="outcome"/> (MMM keeps the outcome the police report gave).</summary>
    public void Close(CaseOutcome outcome)
    {
        Require(CaseStatus.Active);
        if (outcome is CaseOutcome.Open or CaseOutcome.Rejected
            || (outcome == CaseOutcome.Mmm && periods.Outcome != CaseOutcome.Mmm)
            || (outcome == CaseOutcome.Integration && ExitReport is null))
            throw new RuleViolationException([new("outcome", RuleViolationCode.OutOfOrder)]);
        Status = CaseStatus.Closed;
        ClosedOutcome = outcome;
        PendingRequest = null;
    }

    private NeedsAssessment? ComprehensiveAssessment() =>
        needsAssessments.LastOrDefault(a => a.Kind == NeedsAssessmentKind.Comprehensive);

    /// <summary>
    /// The children in Sweden bring the supplement (not in integration), and so does an approved motivated supplement
    /// (where the tariff pays it); the needs assessment is referenced by date.
    /// </summary>
    private PeriodTerms TermsFor(PeriodKind kind, PeriodTerms asked) => asked with
    {
        AccompanyingChildrenInSweden = kind == PeriodKind.Integration ? 0 : Application.ChildrenInSweden,
        MotivatedSupplementApproved = ApprovedSupplement is not null,
        MotivatedSupplementJustification = ApprovedSupplement?.Justification,
        NeedsAssessmentReference = kind == PeriodKind.Reflection ? null
            : ComprehensiveAssessment() is { } assessment ? $"needs-assessment:{assessment.Date:yyyy-MM-dd}" : null,
    };

    /// <summary>
    /// 004: "Det är endast certifierade aktörer som kan ansöka om medel via NSP": every application for money. A lapsed
    /// shelter's running period still runs to its end; the case is flagged for the person to move.
    /// </summary>
    private static void RequireCertified(Shelter? shelter, DateOnly today)
    {
        if (shelter is null || !shelter.IsCertifiedOn(today))
            throw new RuleViolationException([new("certification", RuleViolationCode.NotCertified)]);
    }

    private void Require(CaseStatus status)
    {
        if (Status != status)
            throw new RuleViolationException([new("status", RuleViolationCode.WrongStatus)]);
    }

    private static string RequiredText(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new RuleViolationException([new(field, RuleViolationCode.Required)]);
        if (text.Length > MaxTextLength)
            throw new RuleViolationException([new(field, RuleViolationCode.TooLong, MaxTextLength)]);
        return text.Trim();
    }
}

/// <summary>A period asked for and refused, and why (free text).</summary>
public sealed record RejectedRequest(PeriodKind Kind, string Reason);

/// <summary>The next period the shelter asked for and its terms.</summary>
public sealed record PeriodRequest(PeriodKind Kind, PeriodTerms Terms);

/// <summary>Everything a case stores, for the store to serialise; <see cref="Case.Restore"/> rebuilds and checks it.</summary>
public sealed record CaseSnapshot(
    Guid Id,
    string Reference,
    CaseApplication Application,
    CaseStatus Status,
    CaseOutcome? ClosedOutcome,
    string? RejectionReason,
    PeriodRequest? PendingRequest,
    string? ExitReport,
    DateTimeOffset CreatedAt,
    IReadOnlyList<NeedsAssessment> NeedsAssessments,
    IReadOnlyList<SupportPeriod> Periods,
    IReadOnlyList<PoliceReport> PoliceReports,
    IReadOnlyList<CasePointIntervention> PointInterventions,
    IReadOnlyList<RejectedRequest>? RejectedRequests,
    string? CompletionComment = null,
    IReadOnlyList<string>? AmendedFields = null,
    IReadOnlyList<CaseSupplement>? Supplements = null);

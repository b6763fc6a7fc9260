namespace NspWorkflow.Domain.Certification;

public enum CertificationStage
{
    /// <summary>The shelter fills in the questionnaire (again, when it was returned).</summary>
    Questionnaire,

    /// <summary>Submitted: the coordinator reviews it against the requirements.</summary>
    Submitted,

    /// <summary>Accepted: the coordinator visits the shelter next.</summary>
    AwaitingVisit,

    /// <summary>The visit found requirements not met: the shelter works the action plan.</summary>
    ActionPlan,

    /// <summary>Every requirement is met (at the visit, or by the accepted actions): the coordinator may grant.</summary>
    ReadyToGrant,

    /// <summary>Granted: the shelter is certified until <see cref="ShelterCertification.ValidUntil"/>; the yearly routine check renews it.</summary>
    Granted,
}

/// <summary>
/// A shelter's way to its certification (steps 1 and 2 of "Certifieringsprocess": questionnaire, visit and action plan),
/// against the minimum requirements of one year. Each change checks the stage it may happen in, so the steps come in
/// order whatever the page or request; a broken rule names its field and changes nothing.
/// </summary>
public sealed partial class ShelterCertification
{
    public const int MaxCommentLength = 2000;

    public Guid Id { get; init; }
    public Guid ShelterId { get; init; }

    /// <summary>The year of the requirements answered against.</summary>
    public int RequirementsYear { get; init; }

    public CertificationStage Stage { get; private set; }
    public Questionnaire? Questionnaire { get; private set; }

    /// <summary>Why the coordinator returned the questionnaire, shown to the shelter until it submits again.</summary>
    public string? ReturnComment { get; private set; }

    public CertificationVisit? Visit { get; private set; }
    public List<ActionItem> ActionPlan { get; private set; } = [];
    public DateOnly? GrantedOn { get; private set; }
    public DateOnly? ValidUntil { get; private set; }

    public static ShelterCertification Start(Guid id, Guid shelterId, int requirementsYear) =>
        new() { Id = id, ShelterId = shelterId, RequirementsYear = requirementsYear, Stage = CertificationStage.Questionnaire };

    /// <summary>Rebuilds a stored certification (the store's JSON); no rule is checked, the stored state was.</summary>
    public static ShelterCertification Restore(Guid id, Guid shelterId, int requirementsYear, CertificationStage stage, Questionnaire? questionnaire,
        string? returnComment, CertificationVisit? visit, List<ActionItem> actionPlan, DateOnly? grantedOn, DateOnly? validUntil) =>
        new()
        {
            Id = id, ShelterId = shelterId, RequirementsYear = requirementsYear, Stage = stage, Questionnaire = questionnaire,
            ReturnComment = returnComment, Visit = visit, ActionPlan = actionPlan, GrantedOn = grantedOn, ValidUntil = validUntil,
        };

    /// <summary>The shelter submits its answers; the coordinator reviews them next.</summary>
    public void Submit(Questionnaire questionnaire, RequirementCatalog catalog)
    {
        RequireStage(CertificationStage.Questionnaire);
        if (catalog.Year != RequirementsYear)
            throw new RuleViolationException([new("requirementsYear", RuleViolationCode.Invalid)]);
        var violations = questionnaire.Validate(catalog);
        if (violations.Count > 0)
            throw new RuleViolationException(violations);
        Questionnaire = questionnaire with { Profile = questionnaire.Profile.Trim() };
        ReturnComment = null;
        Stage = CertificationStage.Submitted;
    }

    /// <summary>The coordinator sends the questionnaire back with what to complete.</summary>
    public void Return(string comment)
    {
        RequireStage(CertificationStage.Submitted);
        ReturnComment = RequireComment(comment, "comment");
        Stage = CertificationStage.Questionnaire;
    }

    /// <summary>The coordinator accepts the answers; the visit comes next.</summary>
    public void Accept()
    {
        RequireStage(CertificationStage.Submitted);
        Stage = CertificationStage.AwaitingVisit;
    }

    /// <summary>Grants the certification for a year from <paramref name="today"/>, once every requirement is met.</summary>
    public DateOnly Grant(DateOnly today)
    {
        if (Stage == CertificationStage.ActionPlan)
            throw new RuleViolationException([new("actionPlan", RuleViolationCode.ActionPlanOpen, ActionPlan.Count(a => a.IsPending))]);
        RequireStage(CertificationStage.ReadyToGrant);
        GrantedOn = today;
        ValidUntil = OneYearFrom(today);
        Stage = CertificationStage.Granted;
        return ValidUntil.Value;
    }

    /// <summary>The last day of a year of certification that starts on <paramref name="day"/>.</summary>
    public static DateOnly OneYearFrom(DateOnly day) => day.AddYears(1).AddDays(-1);

    /// <summary>The deadlines that still bind the shelter: each action of the plan not yet accepted.</summary>
    public IEnumerable<ActionItem> PendingActions => ActionPlan.Where(a => a.IsPending);

    private void RequireStage(CertificationStage stage)
    {
        if (Stage != stage)
            throw new RuleViolationException([new("stage", RuleViolationCode.WrongStage)]);
    }

    /// <summary>A comment the rules require (a return, a report, a reopening; also the routine check's return): trimmed, given, not too long.</summary>
    internal static string RequireComment(string? comment, string field)
    {
        var text = comment?.Trim() ?? "";
        if (text.Length == 0)
            throw new RuleViolationException([new(field, RuleViolationCode.Required)]);
        if (text.Length > MaxCommentLength)
            throw new RuleViolationException([new(field, RuleViolationCode.TooLong, MaxCommentLength)]);
        return text;
    }
}

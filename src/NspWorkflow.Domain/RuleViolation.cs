namespace NspWorkflow.Domain;

/// <summary>
/// One broken rule: the field it concerns, what kind of break it is, and the values a message needs.
/// The domain names the break; the UI words it in the user's language.
/// </summary>
public sealed record RuleViolation(string Field, RuleViolationCode Code, params object[] Arguments);

public enum RuleViolationCode
{
    Required,
    TooLong,
    TooMany,
    OutOfRange,
    Invalid,
    InvalidEmail,
    NoTargetGroup,
    RequiredWhenCertified,
    Duplicate,

    // Money and periods (Tariffs, Periods, PointInterventions).
    /// <summary>A number that must be zero or more is negative.</summary>
    Negative,
    /// <summary>A number that must be more than zero is zero or negative.</summary>
    NotPositive,
    /// <summary>No tariff is in force on the day; arguments: the first effective date, if any.</summary>
    NoTariffInForce,
    /// <summary>A period is longer than the tariff's maximum; arguments: the maximum days.</summary>
    PeriodTooLong,
    /// <summary>A period starts on or before the previous period's last day.</summary>
    PeriodsOverlap,
    /// <summary>A period does not start the day after the previous period's last day.</summary>
    PeriodsNotContiguous,
    /// <summary>A period comes where the pathway does not allow it (e.g. extended support before reflection).</summary>
    OutOfOrder,
    /// <summary>More extended periods than the tariff allows; arguments: the maximum periods.</summary>
    TooManyExtendedPeriods,
    /// <summary>Integration needs a comprehensive needs assessment.</summary>
    NeedsAssessmentRequired,
    /// <summary>An amount above the tariff's cap; arguments: the cap.</summary>
    AboveCap,
    /// <summary>A date before the earliest it may be; arguments: that day (yyyy-MM-dd).</summary>
    TooEarly,
    /// <summary>A tariff from a day before today, not confirmed as a correction; arguments: today (yyyy-MM-dd).</summary>
    CorrectionNotConfirmed,
    /// <summary>The next period cannot be asked for yet (only in the running period's last days); arguments: the first day it can (yyyy-MM-dd).</summary>
    NextPeriodNotYetOpen,
    /// <summary>The public would pay both housing and protection: nothing is left for the program to fund.</summary>
    PublicPaysBoth,
    /// <summary>A date outside the period it must fall in.</summary>
    OutsidePeriod,
    /// <summary>The state took over (MMM granted): NSP's daily funding has ended.</summary>
    DailyFundingEnded,
    /// <summary>
    /// Approving would commit more of a funder's direct support than is left; arguments: the funder, the cost in its year and
    /// what is left. Approving anyway needs an explicit confirmation.
    /// </summary>
    BudgetOverrun,
    /// <summary>A category that is not on the tariff's intervention list.</summary>
    UnknownCategory,
    /// <summary>A field a file does not know (probably a misspelling).</summary>
    UnknownField,
    /// <summary>A field of a file holds another kind of value; arguments: the <see cref="ExpectedValue"/>.</summary>
    WrongType,
    /// <summary>A file is not JSON at all; arguments: the line and the position where reading stopped.</summary>
    InvalidJson,
    /// <summary>JSON nested deeper than is read; arguments: the most levels read.</summary>
    TooDeep,

    // Cases.
    /// <summary>An admission criterion the application must confirm is not confirmed.</summary>
    CriterionNotMet,
    /// <summary>The person was under 18 at the placement: a child victim is the social services' to protect, not the program's.</summary>
    ChildVictim,
    /// <summary>The shelter's certification is not valid on the day.</summary>
    NotCertified,
    /// <summary>Not possible in the case's current status (e.g. a period on a closed case).</summary>
    WrongStatus,
    /// <summary>The thing named does not exist on the case (e.g. an unknown point intervention).</summary>
    NotFound,
    /// <summary>A day after today where only a day that has been is possible (a visit, a training attended).</summary>
    InFuture,

    // Certification.
    /// <summary>Not possible in the certification's current step (e.g. a visit before the questionnaire is accepted).</summary>
    WrongStage,
    /// <summary>Actions of the plan are not yet accepted; arguments: how many.</summary>
    ActionPlanOpen,
    /// <summary>A requirement found not met where the choice was "every requirement met".</summary>
    UnmetRequirement,
    /// <summary>An action plan chosen where every requirement was found met.</summary>
    NothingUnmet,
    /// <summary>The routine check needs at least one training or experience exchange attended in the year; arguments: the year.</summary>
    TrainingRequired,
    /// <summary>An invitation's link is past its last day; arguments: the last day.</summary>
    Expired,
}

using NspWorkflow.Domain;

namespace NspWorkflow.Web.Infrastructure.Hosting;

/// <summary>
/// Problem details for the API: 422 with a message per field for broken rules (the field as the request names it),
/// 422 naming the workflow's reason when the workflow refused a step, 409 for a task already completed, 404 for what
/// the caller may not see. Messages name only fields, limits, processes and elements, never the submitted values.
/// </summary>
public static class ApiProblems
{
    public static IResult Violations(IEnumerable<RuleViolation> violations) =>
        Results.ValidationProblem(
            violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(Message).Distinct().ToArray()),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Uppgifterna bryter mot programmets regler.");

    public static IResult Field(string field, RuleViolationCode code, params object[] arguments) =>
        Violations([new RuleViolation(field, code, arguments)]);

    public static IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Finns inte.");

    /// <summary>
    /// The workflow refused the step and nothing was stored; <paramref name="reason"/> is the engine's message (it names the
    /// process or element, never variable values), as the incident API reports a refused retry.
    /// </summary>
    public static IResult Refused(string title, string? reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: reason);

    public static IResult Conflict(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title);

    public static string Message(RuleViolation violation)
    {
        var a = violation.Arguments;
        return violation.Code switch
        {
            RuleViolationCode.Required => "Måste anges.",
            RuleViolationCode.TooLong => $"Får vara högst {a[0]} tecken.",
            RuleViolationCode.TooMany => $"Får vara högst {a[0]} stycken.",
            RuleViolationCode.OutOfRange when a.Length >= 2 => $"Måste vara mellan {a[0]} och {a[1]}.",
            RuleViolationCode.OutOfRange => "Är utanför det tillåtna intervallet.",
            RuleViolationCode.NotPositive => "Måste vara större än noll.",
            RuleViolationCode.Negative => "Får inte vara negativt.",
            RuleViolationCode.NoTariffInForce => "Ingen taxa gäller den dagen.",
            RuleViolationCode.PeriodTooLong => $"Perioden får vara högst {a[0]} dagar.",
            RuleViolationCode.PeriodsOverlap => "Perioden överlappar en tidigare period.",
            RuleViolationCode.PeriodsNotContiguous => "Perioden måste börja dagen efter förra periodens sista dag.",
            RuleViolationCode.OutOfOrder => "Det steget är inte möjligt i ärendets läge.",
            RuleViolationCode.TooManyExtendedPeriods => $"Högst {a[0]} perioder med fördjupat stöd kan beviljas.",
            RuleViolationCode.NeedsAssessmentRequired => "En fördjupad behovsbedömning krävs först.",
            RuleViolationCode.AboveCap => $"Beloppet får vara högst {a[0]} kronor.",
            RuleViolationCode.OutsidePeriod => "Datumet ligger utanför den pågående reflektionsperioden.",
            RuleViolationCode.DailyFundingEnded => "Dygnsersättningen har upphört (MMM beviljad).",
            RuleViolationCode.UnknownCategory => "Kategorin finns inte i insatslistan.",
            RuleViolationCode.CriterionNotMet => "Kriteriet måste vara uppfyllt för att ansöka.",
            RuleViolationCode.NotCertified => "Boendet har ingen giltig certifiering.",
            RuleViolationCode.WrongStatus => "Inte möjligt i ärendets nuvarande status.",
            RuleViolationCode.NotFound => "Finns inte.",
            RuleViolationCode.Duplicate => "Finns redan.",
            _ => "Ogiltigt värde.",
        };
    }
}

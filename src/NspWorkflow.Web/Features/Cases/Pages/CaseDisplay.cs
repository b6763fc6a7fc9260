using System.Globalization;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Cases.Pages;

/// <summary>
/// How the case pages name the values the case API spells in camelCase (status, outcome, kinds, areas). Each name is a
/// key of the message table.
/// </summary>
public static class CaseDisplay
{
    public static string Status(string status) => status switch
    {
        "applied" => "Applied",
        "active" => "Active",
        "closed" => "Closed",
        _ => status,
    };

    /// <summary>The motivated supplement's state; its text takes the day asked for and the day decided.</summary>
    public static string SupplementStatus(string status) => status switch
    {
        "approved" => "Case.SupplementApproved",
        "rejected" => "Case.SupplementRejected",
        _ => "Case.SupplementRequested",
    };

    public static string Outcome(string outcome) => outcome switch
    {
        "open" => "NoneYet",
        "mmm" => "MMMTheStateSReflectionPeriod",
        "integration" => "Integration",
        "return" => "Return",
        "ended" => "SupportEnded",
        "rejected" => "Rejected",
        _ => outcome,
    };

    public static string PeriodKind(string kind) => kind switch
    {
        "reflection" => "ReflectionPeriod",
        "extended" => "ExtendedSupport",
        "integration" => "Integration",
        _ => kind,
    };

    public static string Gender(string gender) => gender switch
    {
        "female" => "Woman",
        "male" => "Man",
        "other" => "Other",
        _ => "NotStated",
    };

    public static string Exploitation(string form) => form switch
    {
        "sexual" => "SexualPurposes",
        "labour" => "LabourExploitation",
        "begging" => "Begging",
        "crime" => "CriminalActivity",
        _ => "Other",
    };

    public static string NeedArea(string area) => area switch
    {
        "housing" => "Housing",
        "materialSupport" => "MaterialSupport",
        "healthCare" => "HealthCare",
        "psychologicalSupport" => "PsychologicalSupport",
        "legalAdvice" => "LegalAdvice",
        "interpretation" => "Interpretation",
        "returnInformation" => "ReturnInformation",
        "onwardReferral" => "OnwardReferral",
        "schoolingForChildren" => "SchoolingForChildren",
        _ => area,
    };

    /// <summary>An application's field, as the API names it, by its label.</summary>
    public static string ApplicationField(string field) => field switch
    {
        "placementDate" => "PlacementDate",
        "birthYear" => "BirthYear",
        "gender" => "Gender",
        "countryOfOrigin" => "CountryOfOrigin",
        "exploitation" => "FormsOfExploitation",
        "children" => "Children",
        "criteria" => "Application.Criteria",
        _ => "InitialNeedsAssessment",
    };

    public static string AssessmentKind(string kind) => kind == "comprehensive" ? "ComprehensiveNeedsAssessment" : "InitialNeedsAssessment";

    public static string PointInterventionStatus(string status) => status switch
    {
        "approved" => "Approved",
        "rejected" => "Rejected2",
        _ => "AwaitingDecision",
    };

    /// <summary>Kronor as Swedes write them: a space between thousands, no decimals when there are none.</summary>
    public static string Kronor(decimal amount) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", SwedishNumbers) + " kr";

    public static string Day(DateOnly day) => SwedishCalendar.FormatDay(day);

    private static readonly NumberFormatInfo SwedishNumbers = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "," };
}

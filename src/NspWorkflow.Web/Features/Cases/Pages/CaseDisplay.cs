using System.Globalization;

namespace NspWorkflow.Web.Features.Cases.Pages;

/// <summary>
/// How the case pages name the values the case API spells in camelCase (status, outcome, kinds, areas). The Swedish
/// texts are also the localization keys.
/// </summary>
public static class CaseDisplay
{
    public static string Status(string status) => status switch
    {
        "applied" => "Ansökt",
        "active" => "Pågående",
        "closed" => "Avslutat",
        _ => status,
    };

    public static string Outcome(string outcome) => outcome switch
    {
        "open" => "Inget ännu",
        "mmm" => "MMM (statens betänketid)",
        "integration" => "Integration",
        "return" => "Återvändande",
        "ended" => "Stödet avslutat",
        "rejected" => "Avslag",
        _ => outcome,
    };

    public static string PeriodKind(string kind) => kind switch
    {
        "reflection" => "Reflektionsperiod",
        "extended" => "Fördjupat stöd",
        "integration" => "Integration",
        _ => kind,
    };

    public static string Gender(string gender) => gender switch
    {
        "female" => "Kvinna",
        "male" => "Man",
        "other" => "Annat",
        _ => "Uppgift saknas",
    };

    public static string Exploitation(string form) => form switch
    {
        "sexual" => "Sexuella ändamål",
        "labour" => "Arbetskraftsexploatering",
        "begging" => "Tiggeri",
        "crime" => "Brottslig verksamhet",
        _ => "Annat",
    };

    public static string NeedArea(string area) => area switch
    {
        "housing" => "Boende",
        "materialSupport" => "Materiellt stöd",
        "healthCare" => "Hälso- och sjukvård",
        "psychologicalSupport" => "Psykologiskt stöd",
        "legalAdvice" => "Juridisk rådgivning",
        "interpretation" => "Tolk",
        "returnInformation" => "Information om återvändande",
        "onwardReferral" => "Vidare hänvisning",
        "schoolingForChildren" => "Skolgång för barn",
        _ => area,
    };

    public static string AssessmentKind(string kind) => kind == "comprehensive" ? "Fördjupad behovsbedömning" : "Initial behovsbedömning";

    public static string PointInterventionStatus(string status) => status switch
    {
        "approved" => "Godkänd",
        "rejected" => "Avslagen",
        _ => "Väntar på beslut",
    };

    /// <summary>Kronor as Swedes write them: a space between thousands, no decimals when there are none.</summary>
    public static string Kronor(decimal amount) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", SwedishNumbers) + " kr";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly NumberFormatInfo SwedishNumbers = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "," };
}

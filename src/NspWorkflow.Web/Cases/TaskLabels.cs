namespace NspWorkflow.Web.Cases;

/// <summary>The kind of a task in Swedish, by its form key: what mail and pages call it (never anything about the person).</summary>
public static class TaskLabels
{
    public static string Of(string? form) => form switch
    {
        "admission-review" => "Granska ansökan",
        "admission-completion" => "Komplettera ansökan",
        "next-step" => "Välj nästa steg",
        "extended-review" => "Granska ansökan om fördjupat stöd",
        "integration-review" => "Granska ansökan om integration",
        "exit-report" => "Lämna slutrapport",
        "point-intervention-review" => "Granska punktinsats",
        _ => "Uppgift",
    };
}

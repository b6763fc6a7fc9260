namespace NspWorkflow.Web.Features.Cases.Pages;

/// <summary>The police report as the case page's form holds it.</summary>
public sealed class PoliceReportInput
{
    public DateOnly? Date { get; set; }
    public bool? MmmGranted { get; set; }
}

/// <summary>A point intervention as the case page's form holds it; the receipt is the uploaded file.</summary>
public sealed class PointInterventionInput
{
    public string? CategoryKey { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly? Date { get; set; }
    public string? Description { get; set; }
    public IFormFile? Receipt { get; set; }
}

/// <summary>A comment as the case page's form holds it.</summary>
public sealed class CommentInput
{
    public string? Text { get; set; }
}

/// <summary>A child who joined during the case, as the case page's form holds it.</summary>
public sealed class ChildJoinedInput
{
    public int? BirthYear { get; set; }
    public bool? InSweden { get; set; }
    public DateOnly? From { get; set; }
}

/// <summary>A child who left: which one (its place in the case's list) and the last day of its supplement.</summary>
public sealed class ChildLeftInput
{
    public int? Index { get; set; }
    public DateOnly? LastDay { get; set; }
}

/// <summary>Which part the public pays from a day: <see cref="None"/>, <see cref="Housing"/> or <see cref="Protection"/>.</summary>
public sealed class PublicPaysInput
{
    public const string None = "none";
    public const string Housing = "housing";
    public const string Protection = "protection";

    public string? Part { get; set; }
    public DateOnly? From { get; set; }
}

/// <summary>The motivated supplement asked for on the case page: why it is needed.</summary>
public sealed class SupplementInput
{
    public string? Justification { get; set; }
}

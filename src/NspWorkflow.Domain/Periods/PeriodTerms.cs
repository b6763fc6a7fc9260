namespace NspWorkflow.Domain.Periods;

/// <summary>What the coordinator approves with a period besides its days.</summary>
/// <param name="PublicPaysHousing">The public pays housing and food: only protection and support is paid.</param>
/// <param name="PublicPaysProtection">The public pays protection and support: only housing and food is paid.</param>
/// <param name="AccompanyingChildrenInSweden">Children in Sweden with the adult; children in the country of origin get no supplement.</param>
/// <param name="MotivatedSupplementApproved">The motivated daily supplement (extra staff) was justified and approved.</param>
/// <param name="NeedsAssessmentReference">The comprehensive needs assessment's document reference; integration needs one.</param>
/// <param name="MotivatedSupplementJustification">
/// Why the supplement is needed (002: "Eventuella tillägg ska motiveras"); required when it is asked for.
/// </param>
public sealed record PeriodTerms(
    bool PublicPaysHousing = false,
    bool PublicPaysProtection = false,
    int AccompanyingChildrenInSweden = 0,
    bool MotivatedSupplementApproved = false,
    string? NeedsAssessmentReference = null,
    string? MotivatedSupplementJustification = null);

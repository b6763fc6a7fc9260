using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>How the shelter pages name the domain's values. The Swedish texts are also the localization keys.</summary>
public static class ShelterDisplay
{
    /// <summary>The regions' own names (police regions): proper names, the same in every language.</summary>
    public static string RegionName(Region region) => region switch
    {
        Region.Ost => "Öst",
        Region.Vast => "Väst",
        _ => region.ToString(),
    };

    public static string CertificationStatusName(CertificationStatus status) => status switch
    {
        CertificationStatus.Certified => "Certifierad",
        CertificationStatus.Suspended => "Avstängd",
        _ => "Ej certifierad",
    };

    public static string ExploitationFormName(ExploitationForm form) => form switch
    {
        ExploitationForm.Sexual => "Sexuella ändamål",
        ExploitationForm.Labour => "Arbetskraftsexploatering",
        ExploitationForm.Begging => "Tiggeri",
        ExploitationForm.Crime => "Brottslig verksamhet",
        _ => "Annat",
    };

    /// <summary>The label and CSS class of what a certification means on <paramref name="today"/>.</summary>
    public static (string Label, string CssClass) Validity(Shelter shelter, DateOnly today) => shelter.CertificationStatus switch
    {
        CertificationStatus.Certified when shelter.IsCertifiedOn(today) => ("Giltig", "status ok"),
        CertificationStatus.Certified => ("Utgången", "status bad"),
        CertificationStatus.Suspended => ("Avstängd", "status bad"),
        _ => ("Ej certifierad", "status"),
    };

    /// <summary>Whom the shelter receives, as short Swedish labels.</summary>
    public static IReadOnlyList<string> TargetGroups(ShelterCapacity capacity)
    {
        var groups = new List<string>();
        if (capacity.Women)
            groups.Add("Kvinnor");
        if (capacity.Men)
            groups.Add("Män");
        if (capacity.AccompanyingChildren)
            groups.Add("Medföljande barn");
        if (capacity.ActiveSubstanceAbuse)
            groups.Add("Aktivt missbruk");
        return groups;
    }
}

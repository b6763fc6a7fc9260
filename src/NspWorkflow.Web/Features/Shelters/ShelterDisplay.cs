using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>How the shelter pages name the domain's values. Each name is a key of the message table.</summary>
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
        CertificationStatus.Certified => "Certified",
        CertificationStatus.Suspended => "Suspended",
        _ => "NotCertified",
    };

    public static string ExploitationFormName(ExploitationForm form) => form switch
    {
        ExploitationForm.Sexual => "SexualPurposes",
        ExploitationForm.Labour => "LabourExploitation",
        ExploitationForm.Begging => "Begging",
        ExploitationForm.Crime => "CriminalActivity",
        _ => "Other",
    };

    /// <summary>The label and CSS class of what a certification means on <paramref name="today"/>.</summary>
    public static (string Label, string CssClass) Validity(Shelter shelter, DateOnly today) => shelter.CertificationStatus switch
    {
        CertificationStatus.Certified when shelter.IsCertifiedOn(today) => ("Valid", "status ok"),
        CertificationStatus.Certified => ("Expired", "status bad"),
        CertificationStatus.Suspended => ("Suspended", "status bad"),
        _ => ("NotCertified", "status"),
    };

    /// <summary>Whom the shelter receives, as short labels (keys of the message table).</summary>
    public static IReadOnlyList<string> TargetGroups(ShelterCapacity capacity)
    {
        var groups = new List<string>();
        if (capacity.Women)
            groups.Add("Women");
        if (capacity.Men)
            groups.Add("Men");
        if (capacity.AccompanyingChildren)
            groups.Add("AccompanyingChildren");
        if (capacity.ActiveSubstanceAbuse)
            groups.Add("ActiveSubstanceAbuse");
        return groups;
    }
}

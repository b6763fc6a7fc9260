using NspWorkflow.Domain;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>
/// What the create and edit pages post. Everything is nullable or a plain string so that any input binds and
/// the domain's rules (<see cref="ShelterDetails.Validate"/>) are the ones that judge it.
/// </summary>
public sealed record ShelterForm
{
    public string? Name { get; set; }
    public Region? Region { get; set; }
    public bool Women { get; set; }
    public bool Men { get; set; }
    public bool AccompanyingChildren { get; set; }
    public bool ActiveSubstanceAbuse { get; set; }
    public int? Places { get; set; }
    public List<ExploitationForm> ExploitationForms { get; set; } = [];

    /// <summary>One address per line, as typed in the textarea.</summary>
    public string? ContactEmails { get; set; }

    public CertificationStatus CertificationStatus { get; set; } = CertificationStatus.NotCertified;
    public DateOnly? CertifiedUntil { get; set; }

    /// <summary>The shelter's version when the edit form was opened; a stale one means someone else saved since.</summary>
    public Guid Version { get; set; }

    public static ShelterForm From(Shelter shelter) => new()
    {
        Name = shelter.Name,
        Region = shelter.Region,
        Women = shelter.Capacity.Women,
        Men = shelter.Capacity.Men,
        AccompanyingChildren = shelter.Capacity.AccompanyingChildren,
        ActiveSubstanceAbuse = shelter.Capacity.ActiveSubstanceAbuse,
        Places = shelter.Capacity.Places,
        ExploitationForms = shelter.Capacity.ExploitationForms.ToList(),
        ContactEmails = string.Join('\n', shelter.ContactEmails),
        CertificationStatus = shelter.CertificationStatus,
        CertifiedUntil = shelter.CertifiedUntil,
        Version = shelter.Version,
    };

    /// <summary>
    /// The details the domain validates, and the form's own missing-value violations (a select or number left
    /// empty, which the domain's types cannot express).
    /// </summary>
    public (ShelterDetails Details, IReadOnlyList<RuleViolation> Missing) ToDetails()
    {
        var missing = new List<RuleViolation>();
        if (Region is null)
            missing.Add(new(nameof(ShelterDetails.Region), RuleViolationCode.Required));
        if (Places is null)
            missing.Add(new("Capacity.Places", RuleViolationCode.Required));

        var details = new ShelterDetails(
            Name ?? "",
            // Placeholders that break no rule: the missing-value violations above already speak for these fields.
            Region ?? Domain.Shelters.Region.Nord,
            new ShelterCapacity(Women, Men, AccompanyingChildren, ActiveSubstanceAbuse, Places ?? 0, ExploitationForms),
            ContactEmailLines(ContactEmails),
            CertificationStatus,
            CertifiedUntil);
        return (details, missing);
    }

    /// <summary>The non-empty lines of the textarea, trimmed; the domain judges each one as an address.</summary>
    public static IReadOnlyList<string> ContactEmailLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

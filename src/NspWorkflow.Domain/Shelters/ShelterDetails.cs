using System.Net.Mail;

namespace NspWorkflow.Domain.Shelters;

/// <summary>What an administrator states about a shelter; validated before it reaches a <see cref="Shelter"/>.</summary>
public sealed record ShelterDetails(
    string Name,
    Region Region,
    ShelterCapacity Capacity,
    IReadOnlyList<string> ContactEmails,
    CertificationStatus CertificationStatus,
    DateOnly? CertifiedUntil)
{
    public const int MaxNameLength = 200;
    public const int MaxContactEmails = 10;
    public const int MaxEmailLength = 254;

    /// <summary>Every broken rule, each naming the field it belongs to.</summary>
    public IReadOnlyList<RuleViolation> Validate()
    {
        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Name))
            violations.Add(new(nameof(Name), RuleViolationCode.Required));
        else if (Name.Trim().Length > MaxNameLength)
            violations.Add(new(nameof(Name), RuleViolationCode.TooLong, MaxNameLength));

        if (!Enum.IsDefined(Region))
            violations.Add(new(nameof(Region), RuleViolationCode.Invalid));

        if (Capacity.Places is < 0 or > ShelterCapacity.MaxPlaces)
            violations.Add(new("Capacity.Places", RuleViolationCode.OutOfRange, 0, ShelterCapacity.MaxPlaces));
        if (!Capacity.Women && !Capacity.Men)
            violations.Add(new("Capacity.Women", RuleViolationCode.NoTargetGroup));
        if (Capacity.ExploitationForms.Any(f => !Enum.IsDefined(f)))
            violations.Add(new("Capacity.ExploitationForms", RuleViolationCode.Invalid));

        if (ContactEmails.Count == 0)
            violations.Add(new(nameof(ContactEmails), RuleViolationCode.Required));
        else if (ContactEmails.Count > MaxContactEmails)
            violations.Add(new(nameof(ContactEmails), RuleViolationCode.TooMany, MaxContactEmails));
        foreach (var email in ContactEmails.Where(e => !IsEmailAddress(e)))
            violations.Add(new(nameof(ContactEmails), RuleViolationCode.InvalidEmail, email));

        if (!Enum.IsDefined(CertificationStatus))
            violations.Add(new(nameof(CertificationStatus), RuleViolationCode.Invalid));
        else if (CertificationStatus == CertificationStatus.Certified && CertifiedUntil is null)
            violations.Add(new(nameof(CertifiedUntil), RuleViolationCode.RequiredWhenCertified));

        return violations;
    }

    /// <summary>A plain address with a dotted domain, as mail is sent to it (no display name, nothing around it).</summary>
    internal static bool IsEmailAddress(string value) =>
        value.Length <= MaxEmailLength
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.');
}

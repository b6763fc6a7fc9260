namespace NspWorkflow.Domain.Shelters;

/// <summary>A shelter ("certifierat boende") that applies for support for the people it receives.</summary>
public sealed class Shelter
{
    private Shelter()
    {
        Name = "";
        Capacity = new ShelterCapacity(false, false, false, false, 0, []);
        ContactEmails = [];
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Region Region { get; private set; }
    public ShelterCapacity Capacity { get; private set; }
    public List<string> ContactEmails { get; private set; }
    public CertificationStatus CertificationStatus { get; private set; }

    /// <summary>The last day the certification is valid (inclusive).</summary>
    public DateOnly? CertifiedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Changes with every update, so two administrators editing at once cannot overwrite each other.</summary>
    public Guid Version { get; private set; }

    public static Shelter Create(Guid id, ShelterDetails details, DateTimeOffset now)
    {
        var shelter = new Shelter { Id = id, CreatedAt = now };
        shelter.Apply(details, now);
        return shelter;
    }

    public void Update(ShelterDetails details, DateTimeOffset now) => Apply(details, now);

    /// <summary>Whether the shelter may apply for a person's admission or support on <paramref name="day"/>.</summary>
    public bool IsCertifiedOn(DateOnly day) =>
        CertificationStatus == CertificationStatus.Certified && CertifiedUntil is { } until && day <= until;

    /// <summary>Certified until <paramref name="until"/>: granted after the visit, or renewed by the yearly routine check.</summary>
    public void Certify(DateOnly until, DateTimeOffset now)
    {
        CertificationStatus = CertificationStatus.Certified;
        CertifiedUntil = until;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    public ShelterDetails ToDetails() =>
        new(Name, Region, Capacity, ContactEmails.ToList(), CertificationStatus, CertifiedUntil);

    private void Apply(ShelterDetails details, DateTimeOffset now)
    {
        var violations = details.Validate();
        if (violations.Count > 0)
            throw new RuleViolationException(violations);

        Name = details.Name.Trim();
        Region = details.Region;
        Capacity = details.Capacity with { ExploitationForms = details.Capacity.ExploitationForms.Distinct().Order().ToList() };
        ContactEmails = details.ContactEmails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        CertificationStatus = details.CertificationStatus;
        CertifiedUntil = details.CertifiedUntil;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}

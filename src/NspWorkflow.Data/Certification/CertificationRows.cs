namespace NspWorkflow.Data.Certification;

/// <summary>
/// A shelter's certification (<see cref="Domain.Certification.ShelterCertification"/>) as a JSON document with the columns the
/// lists and the deadline job filter on. About the shelter only: nothing in it concerns a person.
/// </summary>
public sealed class CertificationRow
{
    public Guid Id { get; set; }
    public Guid ShelterId { get; set; }
    public int RequirementsYear { get; set; }
    public string Stage { get; set; } = "";
    public string Document { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Of two changes at once (the shelter reporting, the coordinator reviewing), one wins; the other is told.</summary>
    public Guid Version { get; set; }
}

/// <summary>The minimum requirements of a year (<see cref="Domain.Certification.RequirementCatalog"/>); the year is the key.</summary>
public sealed class RequirementCatalogRow
{
    public int Year { get; set; }
    public string Document { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public Guid Version { get; set; }
}

/// <summary>A shelter's yearly routine check (<see cref="Domain.Certification.RoutineCheck"/>); one per shelter and year.</summary>
public sealed class RoutineCheckRow
{
    public Guid Id { get; set; }
    public Guid ShelterId { get; set; }
    public int Year { get; set; }
    public string Status { get; set; } = "";
    public string Document { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }
}

/// <summary>
/// A notice the deadline job sent about one deadline: a reminder (<see cref="Step"/> 60, 30 or 7 days before) or the notice
/// that it passed (<see cref="Step"/> 0). Unique per deadline and step, and written with the mail in one transaction, so a
/// job run twice, or on two nodes, mails once.
/// </summary>
public sealed class CertificationNoticeRow
{
    public Guid Id { get; set; }
    public Guid ShelterId { get; set; }
    public string Kind { get; set; } = "";

    /// <summary>The action's id for an action's deadline; <see cref="Guid.Empty"/> for the certification's last day.</summary>
    public Guid ActionId { get; set; }

    public DateOnly Deadline { get; set; }
    public int Step { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>
/// An invitation to certification for a shelter not yet in the register (<see cref="Domain.Certification.CertificationInvitation"/>).
/// The link's token is stored only as its SHA-256 hash, so a copy of the database opens no questionnaire. The answers are
/// a JSON document; like a certification, nothing in it concerns a person.
/// </summary>
public sealed class CertificationInvitationRow
{
    public Guid Id { get; set; }
    public string TokenHash { get; set; } = "";
    public string ShelterName { get; set; } = "";
    public string Region { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public int RequirementsYear { get; set; }
    public DateOnly InvitedOn { get; set; }
    public string Stage { get; set; } = "";
    public Guid? ShelterId { get; set; }

    /// <summary>The questionnaire once answered, and the reason when declined.</summary>
    public string Document { get; set; } = "";

    public string InvitedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Of two changes at once (the shelter answering, the coordinator declining), one wins; the other is told.</summary>
    public Guid Version { get; set; }
}

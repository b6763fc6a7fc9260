using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Domain.Certification;

public enum InvitationStage
{
    /// <summary>Sent: the link opens the questionnaire until <see cref="CertificationInvitation.LastDay"/>.</summary>
    Invited,

    /// <summary>Answered: the coordinator admits the shelter to the register, or declines.</summary>
    Submitted,

    /// <summary>In the register (<see cref="CertificationInvitation.ShelterId"/>); its certification goes on from the review.</summary>
    Admitted,

    /// <summary>Not admitted; the link opens nothing more.</summary>
    Declined,
}

/// <summary>
/// A shelter not yet in the register invited to certification: the coordinator names it and its region and mails a link to
/// its address; the link opens the questionnaire (step 1) without an account. Once answered, the coordinator admits it to
/// the register, where its certification goes on from the review like any other, or declines.
/// </summary>
public sealed class CertificationInvitation
{
    /// <summary>How long the link opens the questionnaire: long enough for a board to meet, short enough that a stray link dies.</summary>
    public const int DaysValid = 30;

    public Guid Id { get; private init; }
    public string ShelterName { get; private init; } = "";
    public Region Region { get; private init; }
    public string ContactEmail { get; private init; } = "";
    public int RequirementsYear { get; private init; }
    public DateOnly InvitedOn { get; private init; }
    public DateOnly LastDay => InvitedOn.AddDays(DaysValid - 1);
    public InvitationStage Stage { get; private set; }
    public Questionnaire? Questionnaire { get; private set; }
    public Guid? ShelterId { get; private set; }
    public string? DeclineComment { get; private set; }

    /// <summary>A new invitation; the name, region and address as the register would take them.</summary>
    public static CertificationInvitation Create(Guid id, string shelterName, Region region, string contactEmail, DateOnly today)
    {
        var name = shelterName?.Trim() ?? "";
        var email = contactEmail?.Trim() ?? "";
        var violations = new List<RuleViolation>();
        if (name.Length == 0)
            violations.Add(new(nameof(ShelterName), RuleViolationCode.Required));
        else if (name.Length > ShelterDetails.MaxNameLength)
            violations.Add(new(nameof(ShelterName), RuleViolationCode.TooLong, ShelterDetails.MaxNameLength));
        if (!Enum.IsDefined(region))
            violations.Add(new(nameof(Region), RuleViolationCode.Invalid));
        if (email.Length == 0)
            violations.Add(new(nameof(ContactEmail), RuleViolationCode.Required));
        else if (!ShelterDetails.IsEmailAddress(email))
            violations.Add(new(nameof(ContactEmail), RuleViolationCode.InvalidEmail, email));
        if (violations.Count > 0)
            throw new RuleViolationException(violations);
        return new CertificationInvitation
        {
            Id = id, ShelterName = name, Region = region, ContactEmail = email, RequirementsYear = today.Year,
            InvitedOn = today, Stage = InvitationStage.Invited,
        };
    }

    /// <summary>Rebuilds a stored invitation; no rule is checked, the stored state was.</summary>
    public static CertificationInvitation Restore(Guid id, string shelterName, Region region, string contactEmail, int requirementsYear,
        DateOnly invitedOn, InvitationStage stage, Questionnaire? questionnaire, Guid? shelterId, string? declineComment) =>
        new()
        {
            Id = id, ShelterName = shelterName, Region = region, ContactEmail = contactEmail, RequirementsYear = requirementsYear,
            InvitedOn = invitedOn, Stage = stage, Questionnaire = questionnaire, ShelterId = shelterId, DeclineComment = declineComment,
        };

    /// <summary>Whether the link still opens the questionnaire on <paramref name="today"/>.</summary>
    public bool IsOpen(DateOnly today) => Stage == InvitationStage.Invited && today <= LastDay;

    /// <summary>The shelter answers through the link, once, before the last day.</summary>
    public void Submit(Questionnaire questionnaire, RequirementCatalog catalog, DateOnly today)
    {
        RequireStage(InvitationStage.Invited);
        if (today > LastDay)
            throw new RuleViolationException([new("invitation", RuleViolationCode.Expired, LastDay)]);
        if (catalog.Year != RequirementsYear)
            throw new RuleViolationException([new("requirementsYear", RuleViolationCode.Invalid)]);
        var violations = questionnaire.Validate(catalog);
        if (violations.Count > 0)
            throw new RuleViolationException(violations);
        Questionnaire = questionnaire with { Profile = questionnaire.Profile.Trim() };
        Stage = InvitationStage.Submitted;
    }

    /// <summary>
    /// The coordinator admits the shelter: the register's entry (not certified; whom it can receive from the answers) and
    /// its certification, already answered, so it goes on from the review.
    /// </summary>
    public (Shelter Shelter, ShelterCertification Certification) Admit(Guid shelterId, Guid certificationId, RequirementCatalog catalog, DateTimeOffset now)
    {
        RequireStage(InvitationStage.Submitted);
        var shelter = Shelter.Create(shelterId, new ShelterDetails(ShelterName, Region, Questionnaire!.Capacity, [ContactEmail],
            CertificationStatus.NotCertified, null), now);
        var certification = ShelterCertification.Start(certificationId, shelterId, RequirementsYear);
        certification.Submit(Questionnaire, catalog);
        ShelterId = shelterId;
        Stage = InvitationStage.Admitted;
        return (shelter, certification);
    }

    /// <summary>The coordinator declines, saying why (kept for the record; the link opens nothing more).</summary>
    public void Decline(string comment)
    {
        if (Stage is not (InvitationStage.Invited or InvitationStage.Submitted))
            throw new RuleViolationException([new("stage", RuleViolationCode.WrongStage)]);
        DeclineComment = ShelterCertification.RequireComment(comment, "comment");
        Stage = InvitationStage.Declined;
    }

    private void RequireStage(InvitationStage stage)
    {
        if (Stage != stage)
            throw new RuleViolationException([new("stage", RuleViolationCode.WrongStage)]);
    }
}

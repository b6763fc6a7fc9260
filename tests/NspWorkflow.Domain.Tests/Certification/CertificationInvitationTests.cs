using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Domain.Tests.Shelters;

namespace NspWorkflow.Domain.Tests.Certification;

/// <summary>An invitation for a shelter not in the register: what it needs, its link's 30 days, admission and decline.</summary>
public sealed class CertificationInvitationTests
{
    private static readonly DateOnly Invited = new(2026, 3, 2);
    private static readonly RequirementCatalog Requirements = new(2026, [new("staff", "Personalen har utbildning om människohandel.")]);
    private static readonly Questionnaire Answers = new("Skyddat boende för kvinnor.", Valid.Capacity, [new("staff", true, null)]);

    private static CertificationInvitation New() => CertificationInvitation.Create(Guid.NewGuid(), " Boendet Väst ", Region.Vast, "kontakt@vast.example", Invited);

    private static IEnumerable<(string, RuleViolationCode)> Broken(Action action) =>
        Assert.Throws<RuleViolationException>(action).Violations.Select(v => (v.Field, v.Code));

    [Fact]
    public void An_invitation_needs_a_name_a_region_and_an_address_each_named_when_wrong()
    {
        Assert.Equal([("ShelterName", RuleViolationCode.Required), ("Region", RuleViolationCode.Invalid), ("ContactEmail", RuleViolationCode.Required)],
            Broken(() => CertificationInvitation.Create(Guid.NewGuid(), " ", (Region)99, "", Invited)));
        Assert.Equal([("ContactEmail", RuleViolationCode.InvalidEmail)],
            Broken(() => CertificationInvitation.Create(Guid.NewGuid(), "Boendet Väst", Region.Vast, "Kontakt <kontakt@vast.example>", Invited)));

        var invitation = New();
        Assert.Equal(("Boendet Väst", InvitationStage.Invited, 2026), (invitation.ShelterName, invitation.Stage, invitation.RequirementsYear));
    }

    [Fact]
    public void The_link_takes_the_answers_once_through_its_thirtieth_day()
    {
        // Invited 2 March: the 30th day, 31 March, is the last.
        var invitation = New();
        Assert.Equal(new DateOnly(2026, 3, 31), invitation.LastDay);
        Assert.True(invitation.IsOpen(new DateOnly(2026, 3, 31)));
        Assert.False(invitation.IsOpen(new DateOnly(2026, 4, 1)));
        Assert.Equal([("invitation", RuleViolationCode.Expired)], Broken(() => invitation.Submit(Answers, Requirements, new DateOnly(2026, 4, 1))));
        Assert.Equal([("profile", RuleViolationCode.Required)],
            Broken(() => invitation.Submit(Answers with { Profile = "" }, Requirements, new DateOnly(2026, 3, 31))));
        Assert.Equal(InvitationStage.Invited, invitation.Stage);

        invitation.Submit(Answers, Requirements, new DateOnly(2026, 3, 31));
        Assert.Equal(InvitationStage.Submitted, invitation.Stage);
        Assert.Equal([("stage", RuleViolationCode.WrongStage)], Broken(() => invitation.Submit(Answers, Requirements, new DateOnly(2026, 3, 31))));
    }

    [Fact]
    public void Admission_puts_the_shelter_in_the_register_not_certified_with_its_certification_at_the_review()
    {
        var invitation = New();
        Assert.Equal([("stage", RuleViolationCode.WrongStage)],
            Broken(() => invitation.Admit(Guid.NewGuid(), Guid.NewGuid(), Requirements, DateTimeOffset.UnixEpoch)));
        invitation.Submit(Answers, Requirements, Invited);

        var shelterId = Guid.NewGuid();
        var (shelter, certification) = invitation.Admit(shelterId, Guid.NewGuid(), Requirements, DateTimeOffset.UnixEpoch);

        Assert.Equal((shelterId, "Boendet Väst", Region.Vast, CertificationStatus.NotCertified), (shelter.Id, shelter.Name, shelter.Region, shelter.CertificationStatus));
        Assert.Equal(Valid.Capacity.Places, shelter.Capacity.Places);
        Assert.Equal(["kontakt@vast.example"], shelter.ContactEmails);
        Assert.Equal((shelterId, CertificationStage.Submitted, 2026), (certification.ShelterId, certification.Stage, certification.RequirementsYear));
        Assert.Equal((InvitationStage.Admitted, shelterId), (invitation.Stage, invitation.ShelterId));
        Assert.Equal([("stage", RuleViolationCode.WrongStage)], Broken(() => invitation.Decline("För sent.")));
    }

    [Fact]
    public void A_decline_needs_a_reason_and_closes_the_link()
    {
        var invitation = New();
        Assert.Equal([("comment", RuleViolationCode.Required)], Broken(() => invitation.Decline(" ")));
        invitation.Decline("Boendet har inte svarat i tid.");
        Assert.Equal((InvitationStage.Declined, "Boendet har inte svarat i tid."), (invitation.Stage, invitation.DeclineComment));
        Assert.False(invitation.IsOpen(Invited));
        Assert.Equal([("stage", RuleViolationCode.WrongStage)], Broken(() => invitation.Submit(Answers, Requirements, Invited)));
    }
}

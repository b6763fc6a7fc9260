using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Domain.Tests.Shelters;

public sealed class ShelterTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddHours(5);

    [Fact]
    public void Create_trims_the_name_and_addresses_dedupes_addresses_ignoring_case_and_orders_the_forms()
    {
        var id = Guid.NewGuid();
        var details = Valid.Details with
        {
            Name = "  Boende Mitt  ",
            Capacity = Valid.Capacity with { ExploitationForms = [ExploitationForm.Other, ExploitationForm.Sexual, ExploitationForm.Labour, ExploitationForm.Sexual] },
            // Validation refuses surrounding spaces in an address, so dedupe is about case only here.
            ContactEmails = ["kontakt@boende.example", "KONTAKT@Boende.Example", "natt@boende.example"],
        };

        var shelter = Shelter.Create(id, details, Created);

        Assert.Equal(id, shelter.Id);
        Assert.Equal("Boende Mitt", shelter.Name);
        Assert.Equal(["kontakt@boende.example", "natt@boende.example"], shelter.ContactEmails);
        Assert.Equal([ExploitationForm.Sexual, ExploitationForm.Labour, ExploitationForm.Other], shelter.Capacity.ExploitationForms);
        Assert.Equal(Created, shelter.CreatedAt);
        Assert.Equal(Created, shelter.UpdatedAt);
        Assert.NotEqual(Guid.Empty, shelter.Version);
    }

    [Fact]
    public void Update_applies_the_details_and_changes_the_version()
    {
        var shelter = Shelter.Create(Guid.NewGuid(), Valid.Details, Created);
        var versionBefore = shelter.Version;

        shelter.Update(Valid.Details with { Name = " Boende Öst ", Region = Region.Ost, CertificationStatus = CertificationStatus.Suspended }, Later);

        Assert.Equal("Boende Öst", shelter.Name);
        Assert.Equal(Region.Ost, shelter.Region);
        Assert.Equal(CertificationStatus.Suspended, shelter.CertificationStatus);
        Assert.Equal(Created, shelter.CreatedAt);
        Assert.Equal(Later, shelter.UpdatedAt);
        Assert.NotEqual(versionBefore, shelter.Version);
    }

    [Fact]
    public void Even_an_update_with_the_same_details_changes_the_version()
    {
        var shelter = Shelter.Create(Guid.NewGuid(), Valid.Details, Created);
        var versionBefore = shelter.Version;

        shelter.Update(shelter.ToDetails(), Later);

        Assert.NotEqual(versionBefore, shelter.Version);
    }

    [Fact]
    public void Create_with_broken_rules_throws_every_violation()
    {
        var details = Valid.Details with { Name = "", ContactEmails = ["fel"], CertifiedUntil = null };

        var error = Assert.Throws<RuleViolationException>(() => Shelter.Create(Guid.NewGuid(), details, Created));

        Assert.Equal(
            [("Name", RuleViolationCode.Required), ("ContactEmails", RuleViolationCode.InvalidEmail), ("CertifiedUntil", RuleViolationCode.RequiredWhenCertified)],
            error.Violations.Select(v => (v.Field, v.Code)));
    }

    [Fact]
    public void The_exception_message_names_fields_and_codes_but_no_values()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            Shelter.Create(Guid.NewGuid(), Valid.Details with { ContactEmails = ["hemlig.person@"] }, Created));

        Assert.Contains("ContactEmails InvalidEmail", error.Message);
        Assert.DoesNotContain("hemlig.person", error.Message);
    }

    [Fact]
    public void Update_with_broken_rules_throws_and_changes_nothing()
    {
        var shelter = Shelter.Create(Guid.NewGuid(), Valid.Details, Created);
        var before = shelter.ToDetails();
        var versionBefore = shelter.Version;

        var error = Assert.Throws<RuleViolationException>(() =>
            shelter.Update(Valid.Details with { Name = "Nytt namn", Capacity = Valid.Capacity with { Places = 1001 } }, Later));

        Assert.Equal("Capacity.Places", Assert.Single(error.Violations).Field);
        Assert.Equal(before.Name, shelter.Name);
        Assert.Equal(before.Capacity, shelter.Capacity);
        Assert.Equal(before.ContactEmails, shelter.ContactEmails);
        Assert.Equal(Created, shelter.UpdatedAt);
        Assert.Equal(versionBefore, shelter.Version);
    }

    [Fact]
    public void ToDetails_gives_back_what_was_applied()
    {
        var shelter = Shelter.Create(Guid.NewGuid(), Valid.Details, Created);

        var details = shelter.ToDetails();

        Assert.Equal(Valid.Details.Name, details.Name);
        Assert.Equal(Valid.Details.Region, details.Region);
        Assert.Equal(Valid.Details.ContactEmails, details.ContactEmails);
        Assert.Equal(Valid.Details.CertifiedUntil, details.CertifiedUntil);
        Assert.Empty(details.Validate());
    }

    [Fact]
    public void A_certification_is_valid_through_its_last_day_and_not_the_day_after()
    {
        var lastDay = new DateOnly(2026, 12, 31);
        var shelter = Shelter.Create(Guid.NewGuid(), Valid.Details with { CertifiedUntil = lastDay }, Created);

        Assert.True(shelter.IsCertifiedOn(new DateOnly(2026, 3, 2)));
        Assert.True(shelter.IsCertifiedOn(lastDay));
        Assert.False(shelter.IsCertifiedOn(lastDay.AddDays(1)));
    }

    [Theory]
    [InlineData(CertificationStatus.Suspended)]
    [InlineData(CertificationStatus.NotCertified)]
    public void A_suspended_or_uncertified_shelter_is_not_certified_even_with_a_future_date(CertificationStatus status)
    {
        var shelter = Shelter.Create(Guid.NewGuid(), Valid.Details with { CertificationStatus = status, CertifiedUntil = new DateOnly(2026, 12, 31) }, Created);

        Assert.False(shelter.IsCertifiedOn(new DateOnly(2026, 3, 2)));
    }
}

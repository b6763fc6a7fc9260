using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Domain.Tests.Shelters;

public sealed class ShelterDetailsValidateTests
{
    [Fact]
    public void Valid_details_break_no_rule() => Assert.Empty(Valid.Details.Validate());

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string name) =>
        AssertSingle(Valid.Details with { Name = name }, "Name", RuleViolationCode.Required);

    [Fact]
    public void A_name_of_200_characters_is_allowed_and_201_is_too_long()
    {
        Assert.Empty((Valid.Details with { Name = new string('a', 200) }).Validate());
        // Surrounding spaces are trimmed away before the length counts.
        Assert.Empty((Valid.Details with { Name = "  " + new string('a', 200) + "  " }).Validate());

        var violation = AssertSingle(Valid.Details with { Name = new string('a', 201) }, "Name", RuleViolationCode.TooLong);
        Assert.Equal([ShelterDetails.MaxNameLength], violation.Arguments);
    }

    [Fact]
    public void A_region_outside_the_seven_is_invalid() =>
        AssertSingle(Valid.Details with { Region = (Region)99 }, "Region", RuleViolationCode.Invalid);

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void Places_from_0_to_1000_are_allowed(int places) =>
        Assert.Empty(WithCapacity(Valid.Capacity with { Places = places }).Validate());

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void Places_outside_0_to_1000_are_out_of_range(int places)
    {
        var violation = AssertSingle(WithCapacity(Valid.Capacity with { Places = places }), "Capacity.Places", RuleViolationCode.OutOfRange);
        Assert.Equal([0, ShelterCapacity.MaxPlaces], violation.Arguments);
    }

    [Fact]
    public void Women_or_men_must_be_a_target_group()
    {
        AssertSingle(WithCapacity(Valid.Capacity with { Women = false, Men = false }), "Capacity.Women", RuleViolationCode.NoTargetGroup);
        Assert.Empty(WithCapacity(Valid.Capacity with { Women = false, Men = true }).Validate());
    }

    [Fact]
    public void An_unknown_form_of_exploitation_is_invalid() =>
        AssertSingle(WithCapacity(Valid.Capacity with { ExploitationForms = [ExploitationForm.Labour, (ExploitationForm)42] }),
            "Capacity.ExploitationForms", RuleViolationCode.Invalid);

    [Fact]
    public void At_least_one_contact_address_is_required() =>
        AssertSingle(Valid.Details with { ContactEmails = [] }, "ContactEmails", RuleViolationCode.Required);

    [Fact]
    public void At_most_ten_contact_addresses_are_allowed()
    {
        var ten = Enumerable.Range(1, 10).Select(i => $"k{i}@boende.example").ToList();
        Assert.Empty((Valid.Details with { ContactEmails = ten }).Validate());

        var violation = AssertSingle(Valid.Details with { ContactEmails = [.. ten, "k11@boende.example"] }, "ContactEmails", RuleViolationCode.TooMany);
        Assert.Equal([ShelterDetails.MaxContactEmails], violation.Arguments);
    }

    [Theory]
    [InlineData("kontakt@boende.example")]
    [InlineData("förnamn.efternamn@boende.example")]
    [InlineData("a+b@sub.boende.example")]
    public void Well_formed_addresses_are_accepted(string email) =>
        Assert.Empty((Valid.Details with { ContactEmails = [email] }).Validate());

    [Theory]
    [InlineData("kontakt")]
    [InlineData("kontakt@")]
    [InlineData("@boende.example")]
    [InlineData("kontakt@localhost")]
    [InlineData(" kontakt@boende.example")]
    [InlineData("Kontakt <kontakt@boende.example>")]
    [InlineData("a@b.example, c@d.example")]
    public void Malformed_addresses_are_refused_and_named(string email)
    {
        var violation = AssertSingle(Valid.Details with { ContactEmails = [email] }, "ContactEmails", RuleViolationCode.InvalidEmail);
        Assert.Equal([email], violation.Arguments);
    }

    [Fact]
    public void An_address_longer_than_254_characters_is_refused()
    {
        var tooLong = new string('a', 64) + "@" + new string('b', 185) + ".example"; // 258 characters
        AssertSingle(Valid.Details with { ContactEmails = [tooLong] }, "ContactEmails", RuleViolationCode.InvalidEmail);
    }

    [Fact]
    public void Each_malformed_address_is_its_own_violation()
    {
        var violations = (Valid.Details with { ContactEmails = ["ok@boende.example", "fel1", "fel2"] }).Validate();
        Assert.Equal(["fel1", "fel2"], violations.Select(v => (string)v.Arguments[0]));
    }

    [Fact]
    public void A_certified_shelter_needs_a_valid_until_date()
    {
        AssertSingle(Valid.Details with { CertifiedUntil = null }, "CertifiedUntil", RuleViolationCode.RequiredWhenCertified);
        Assert.Empty((Valid.Details with { CertificationStatus = CertificationStatus.NotCertified, CertifiedUntil = null }).Validate());
        Assert.Empty((Valid.Details with { CertificationStatus = CertificationStatus.Suspended, CertifiedUntil = null }).Validate());
    }

    [Fact]
    public void An_unknown_certification_status_is_invalid() =>
        AssertSingle(Valid.Details with { CertificationStatus = (CertificationStatus)7 }, "CertificationStatus", RuleViolationCode.Invalid);

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var details = new ShelterDetails("", (Region)99, new ShelterCapacity(false, false, false, false, -1, []), [],
            CertificationStatus.Certified, null);

        Assert.Equal(
            ["Name", "Region", "Capacity.Places", "Capacity.Women", "ContactEmails", "CertifiedUntil"],
            details.Validate().Select(v => v.Field));
    }

    private static ShelterDetails WithCapacity(ShelterCapacity capacity) => Valid.Details with { Capacity = capacity };

    private static RuleViolation AssertSingle(ShelterDetails details, string field, RuleViolationCode code)
    {
        var violation = Assert.Single(details.Validate());
        Assert.Equal(field, violation.Field);
        Assert.Equal(code, violation.Code);
        return violation;
    }
}

using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Domain.Tests.Shelters;

namespace NspWorkflow.Domain.Tests.Cases;

/// <summary>The completion loop's rules: asking says what is missing, and the application sent again is checked and compared.</summary>
public sealed class CaseCompletionTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly Shelter Certified = Shelter.Create(Guid.NewGuid(), Valid.Details, Now);

    private static CaseApplication Application() => new(
        Certified.Id, Today, 1995, Gender.Female, "RO", [ExploitationForm.Sexual], [],
        new AdmissionCriteria(true, true, true),
        new NeedsAssessment(NeedsAssessmentKind.Initial, Today, new Dictionary<NeedArea, NeedEntry> { [NeedArea.Housing] = new(true) }));

    private static Case Applied() => Case.Open(Guid.NewGuid(), "NSP-2026-0001", Application(), Certified, Now, Today, Tests.Tariffs.TestTariffs.Schedule2022);

    [Fact]
    public void Asking_for_completion_needs_a_comment_which_the_case_keeps()
    {
        var c = Applied();

        var blank = Assert.Single(Assert.Throws<RuleViolationException>(() => c.AskForCompletion(" ")).Violations);
        Assert.Equal(("reason", RuleViolationCode.Required), (blank.Field, blank.Code));
        c.AskForCompletion(" Födelseåret stämmer inte ");

        Assert.Equal("Födelseåret stämmer inte", c.CompletionComment);
        Assert.Equal("Födelseåret stämmer inte", Case.Restore(c.ToSnapshot(), Tests.Tariffs.TestTariffs.Schedule2022).CompletionComment);
    }

    [Fact]
    public void An_amended_application_replaces_the_first_and_names_what_changed_in_the_form_s_order()
    {
        var c = Applied();
        var amended = Application() with
        {
            Children = [new Child(2019, true)],
            BirthYear = 1994,
            NeedsAssessment = new NeedsAssessment(NeedsAssessmentKind.Initial, Today, new Dictionary<NeedArea, NeedEntry> { [NeedArea.Housing] = new(true, "Skyddat boende") }),
        };

        c.Amend(amended, Today, Tests.Tariffs.TestTariffs.Schedule2022);

        Assert.Equal(["birthYear", "children", "needsAssessment"], c.AmendedFields);
        Assert.Equal((1994, 1), (c.Application.BirthYear, c.Application.ChildrenInSweden));
        Assert.Equal("Skyddat boende", Assert.Single(c.NeedsAssessments).Areas[NeedArea.Housing].PlannedSupport);
        Assert.Equal(["birthYear", "children", "needsAssessment"], Case.Restore(c.ToSnapshot(), Tests.Tariffs.TestTariffs.Schedule2022).AmendedFields);
    }

    [Fact]
    public void An_amendment_that_breaks_a_rule_or_names_another_shelter_changes_nothing_and_an_admitted_case_takes_none()
    {
        var c = Applied();

        Assert.Contains(Assert.Throws<RuleViolationException>(() => c.Amend(Application() with { BirthYear = 1850 }, Today, Tests.Tariffs.TestTariffs.Schedule2022)).Violations,
            v => v is { Field: "birthYear", Code: RuleViolationCode.OutOfRange });
        Assert.Contains(Assert.Throws<RuleViolationException>(() => c.Amend(Application() with { ShelterId = Guid.NewGuid() }, Today, Tests.Tariffs.TestTariffs.Schedule2022)).Violations,
            v => v is { Field: "shelterId", Code: RuleViolationCode.Invalid });
        Assert.Equal((1995, 0), (c.Application.BirthYear, c.AmendedFields.Count));

        c.Admit();
        Assert.Contains(Assert.Throws<RuleViolationException>(() => c.Amend(Application(), Today, Tests.Tariffs.TestTariffs.Schedule2022)).Violations,
            v => v is { Field: "status", Code: RuleViolationCode.WrongStatus });
    }
}

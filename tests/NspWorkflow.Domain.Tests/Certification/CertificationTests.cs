using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Domain.Tests.Shelters;
using Cert = NspWorkflow.Domain.Certification.ShelterCertification;

namespace NspWorkflow.Domain.Tests.Certification;

/// <summary>The three steps of certification: questionnaire, visit with an action plan, and the yearly routine check.</summary>
public sealed class CertificationTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly RequirementCatalog Requirements = new(2026,
    [
        new("staff", "Personalen har utbildning om människohandel."),
        new("security", "Boendet har rutiner för säkerhet och skydd."),
    ]);

    private static Questionnaire Answers(bool securityMet = true, string? securityComment = null) => new(
        "Skyddat boende för kvinnor med barn.", Valid.Capacity,
        [new("staff", true, null), new("security", securityMet, securityComment)]);

    private static IEnumerable<(string, RuleViolationCode)> Broken(Action action) =>
        Assert.Throws<RuleViolationException>(action).Violations.Select(v => (v.Field, v.Code));

    [Fact]
    public void A_questionnaire_answers_every_requirement_and_explains_one_not_met()
    {
        var certification = Cert.Start(Guid.NewGuid(), Guid.NewGuid(), 2026);
        var missing = new Questionnaire(" ", Valid.Capacity, [new("staff", true, null), new("unknown", true, null)]);

        Assert.Equal([("profile", RuleViolationCode.Required), ("answers.unknown", RuleViolationCode.NotFound), ("answers.security", RuleViolationCode.Required)],
            Broken(() => certification.Submit(missing, Requirements)));
        Assert.Equal([("answers.security.comment", RuleViolationCode.Required)], Broken(() => certification.Submit(Answers(securityMet: false), Requirements)));
        Assert.Equal(CertificationStage.Questionnaire, certification.Stage);

        certification.Submit(Answers(securityMet: false, "Larm installeras i april."), Requirements);
        Assert.Equal(CertificationStage.Submitted, certification.Stage);
    }

    [Fact]
    public void A_returned_questionnaire_is_submitted_again_and_the_visit_comes_only_after_it_is_accepted()
    {
        var certification = Cert.Start(Guid.NewGuid(), Guid.NewGuid(), 2026);
        certification.Submit(Answers(), Requirements);
        Assert.Equal([("comment", RuleViolationCode.Required)], Broken(() => certification.Return("  ")));
        certification.Return("Beskriv personalens utbildning.");
        Assert.Equal((CertificationStage.Questionnaire, "Beskriv personalens utbildning."), (certification.Stage, certification.ReturnComment));

        var visit = new CertificationVisit(Today, [new("staff", true, null), new("security", true, null)]);
        Assert.Equal([("stage", RuleViolationCode.WrongStage)], Broken(() => certification.RecordVisit(visit, [], Requirements, Today)));

        certification.Submit(Answers(), Requirements);
        certification.Accept();
        certification.RecordVisit(visit, [], Requirements, Today);
        Assert.Equal(CertificationStage.ReadyToGrant, certification.Stage);
        // Granted on 2 March 2026: valid to 1 March 2027, a year.
        Assert.Equal(new DateOnly(2027, 3, 1), certification.Grant(Today));
    }

    [Fact]
    public void A_requirement_not_met_at_the_visit_needs_an_action_with_a_deadline_and_the_grant_waits_until_it_is_accepted()
    {
        var certification = Accepted();
        var visit = new CertificationVisit(Today, [new("staff", true, null), new("security", false, "Inget larm.")]);

        Assert.Equal([("actions.security", RuleViolationCode.Required)], Broken(() => certification.RecordVisit(visit, [], Requirements, Today)));
        // An action for a requirement that was met, and a deadline on the visit's day.
        Assert.Equal([("actions.security", RuleViolationCode.Required), ("actions[0].requirementKey", RuleViolationCode.Invalid), ("actions[0].deadline", RuleViolationCode.TooEarly)],
            Broken(() => certification.RecordVisit(visit, [new("staff", "Utbilda", Today)], Requirements, Today)));
        Assert.Equal([("visit.date", RuleViolationCode.InFuture)],
            Broken(() => certification.RecordVisit(visit with { Date = Today.AddDays(1) }, [new("security", "Larm", Today.AddDays(30))], Requirements, Today)));

        certification.RecordVisit(visit, [new("security", "Installera larm och rutin för larmsamtal", new DateOnly(2026, 4, 30))], Requirements, Today);
        var action = Assert.Single(certification.ActionPlan);
        Assert.Equal((CertificationStage.ActionPlan, ActionItemStatus.Open), (certification.Stage, action.Status));
        Assert.Equal([("actionPlan", RuleViolationCode.ActionPlanOpen)], Broken(() => certification.Grant(Today)));

        // Reported, reopened with a new deadline, reported again and accepted: then the grant.
        certification.ReportDone(action.Id, "Larmet är installerat.", "file-1");
        certification.ReopenAction(action.Id, "Rutinen saknas.", new DateOnly(2026, 5, 15), Today);
        Assert.Equal((ActionItemStatus.Open, new DateOnly(2026, 5, 15), "Rutinen saknas."), (action.Status, action.Deadline, action.ReviewComment));
        Assert.Equal([("status", RuleViolationCode.WrongStage)], Broken(() => certification.AcceptAction(action.Id)));
        certification.ReportDone(action.Id, "Rutinen är antagen.", null);
        certification.AcceptAction(action.Id);
        Assert.Equal(CertificationStage.ReadyToGrant, certification.Stage);
        Assert.Empty(certification.PendingActions);
        Assert.Equal(new DateOnly(2027, 3, 1), certification.Grant(Today));
    }

    [Fact]
    public void The_routine_check_needs_a_training_in_its_year_and_renews_a_year_after_the_current_last_day()
    {
        var check = RoutineCheck.Start(Guid.NewGuid(), Guid.NewGuid(), 2026);
        var statistics = new YearlyStatistics(14, 6, 3);
        Assert.Equal([("trainings", RuleViolationCode.TrainingRequired)],
            Broken(() => check.Submit(statistics, [new(new DateOnly(2025, 11, 20), "Erfarenhetsutbyte")], Today)));
        Assert.Equal([("statistics.personsHoused", RuleViolationCode.OutOfRange), ("trainings[0].date", RuleViolationCode.InFuture), ("trainings", RuleViolationCode.TrainingRequired)],
            Broken(() => check.Submit(statistics with { PersonsHoused = -1 }, [new(Today.AddDays(1), "Utbildning")], Today)));

        check.Submit(statistics, [new(new DateOnly(2026, 2, 10), "Plattformens utbildning om stödinsatser")], Today);
        // Valid to 31 May 2026 and completed on 2 March: renewed to 31 May 2027, no day lost.
        Assert.Equal(new DateOnly(2027, 5, 31), check.Complete(new DateOnly(2026, 5, 31), Today));
        Assert.Equal(RoutineCheckStatus.Completed, check.Status);

        // Lapsed on 28 February: a year from the day it is completed.
        var late = RoutineCheck.Start(Guid.NewGuid(), Guid.NewGuid(), 2026);
        late.Submit(statistics, [new(new DateOnly(2026, 1, 15), "Utbildning")], Today);
        Assert.Equal(new DateOnly(2027, 3, 1), late.Complete(new DateOnly(2026, 2, 28), Today));
    }

    [Theory]
    [InlineData(61, null, null)]
    [InlineData(60, 60, null)]
    [InlineData(31, 60, null)]
    [InlineData(30, 30, null)]
    [InlineData(8, 30, null)]
    [InlineData(7, 7, null)]
    [InlineData(0, 7, null)]
    [InlineData(-1, null, 1)]
    public void A_shelter_is_reminded_60_30_and_7_days_before_a_deadline_and_it_is_passed_the_day_after(int daysLeft, int? reminder, int? passed)
    {
        var state = CertificationDeadlines.On(Today.AddDays(daysLeft), Today);
        Assert.Equal(reminder, (state as DeadlineState.Reminder)?.DaysBefore);
        Assert.Equal(passed, (state as DeadlineState.Passed)?.DaysAfter);
    }

    [Fact]
    public void A_lapsed_certification_renewed_lets_the_shelter_apply_again_and_its_deadlines_are_its_last_day_and_open_actions()
    {
        var shelter = Shelter.Create(Guid.NewGuid(), Valid.Details with { CertifiedUntil = new DateOnly(2026, 2, 28) }, DateTimeOffset.UnixEpoch);
        Assert.False(shelter.IsCertifiedOn(Today));
        shelter.Certify(new DateOnly(2027, 3, 1), DateTimeOffset.UnixEpoch);
        Assert.True(shelter.IsCertifiedOn(Today));

        var certification = Accepted();
        certification.RecordVisit(new CertificationVisit(Today, [new("staff", true, null), new("security", false, null)]),
            [new("security", "Larm", new DateOnly(2026, 4, 30))], Requirements, Today);
        Assert.Equal(
            [new CertificationDeadline(shelter.Id, DeadlineKind.Recertification, new DateOnly(2027, 3, 1)),
             new CertificationDeadline(shelter.Id, DeadlineKind.Action, new DateOnly(2026, 4, 30), certification.ActionPlan[0].Id)],
            CertificationDeadlines.Of(shelter.Id, shelter.CertifiedUntil, certification));
    }

    private static Cert Accepted()
    {
        var certification = Cert.Start(Guid.NewGuid(), Guid.NewGuid(), 2026);
        certification.Submit(Answers(), Requirements);
        certification.Accept();
        return certification;
    }
}

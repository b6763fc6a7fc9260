using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.PointInterventions;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Domain.Tests.Shelters;
using NspWorkflow.Domain.Tests.Tariffs;

namespace NspWorkflow.Domain.Tests.Cases;

/// <summary>The case's rules on their own: the application, admission, periods asked for and started, closing.</summary>
public sealed class CaseTests
{
    private static readonly TariffSchedule Tariffs = TestTariffs.Schedule2022;
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly Shelter Certified = Shelter.Create(Guid.NewGuid(), Valid.Details, Now);

    private static CaseApplication Application(params Child[] children) => new(
        Certified.Id, Today, 1995, Gender.Female, "RO", [ExploitationForm.Sexual], children,
        new AdmissionCriteria(true, true, true), null);

    private static NeedsAssessment Comprehensive(bool withSchooling = false) => new(
        NeedsAssessmentKind.Comprehensive, Today,
        Enum.GetValues<NeedArea>().Where(a => withSchooling || a != NeedArea.SchoolingForChildren)
            .ToDictionary(a => a, _ => new NeedEntry(true, "Plan", "Anteckning")));

    private static Case Admitted(params Child[] children)
    {
        var c = Case.Open(Guid.NewGuid(), "NSP-2026-0001", Application(children), Certified, Now, Today, Tariffs);
        c.Admit();
        c.StartReflection(Tariffs);
        return c;
    }

    /// <summary>The last day of the case's last period: inside the window in which the next one may be asked for.</summary>
    private static DateOnly LastDayOf(Case c) => c.Periods[^1].LastDay;

    private static IEnumerable<(string, RuleViolationCode)> Broken(Action action) =>
        Assert.Throws<RuleViolationException>(action).Violations.Select(v => (v.Field, v.Code));

    [Fact]
    public void An_application_names_every_broken_field_and_opens_no_case()
    {
        var bad = Application() with
        {
            BirthYear = 1850,
            CountryOfOrigin = "XX",
            Exploitation = [],
            PlacementDate = Today.AddDays(1),
            Criteria = new AdmissionCriteria(true, false, true),
            Children = [new Child(1990, true)],
        };
        Assert.Equal(
            [("placementDate", RuleViolationCode.OutOfRange), ("birthYear", RuleViolationCode.OutOfRange),
             ("countryOfOrigin", RuleViolationCode.Invalid), ("exploitation", RuleViolationCode.Required),
             ("criteria.shelterCanMeetNeeds", RuleViolationCode.CriterionNotMet)],
            Broken(() => Case.Open(Guid.NewGuid(), "NSP-2026-0001", bad, Certified, Now, Today, Tariffs)));
        Assert.Contains(("children[0].birthYear", RuleViolationCode.OutOfRange),
            Broken(() => Case.Open(Guid.NewGuid(), "NSP-2026-0001", bad with { BirthYear = 1995 }, Certified, Now, Today, Tariffs)));
    }

    [Fact]
    public void A_placement_before_any_tariff_is_refused_at_the_application_for_no_rate_exists_for_those_days()
    {
        // The test schedule begins on 2022-01-01: the day before has no rate.
        var early = Application() with { PlacementDate = new DateOnly(2021, 12, 31) };
        Assert.Contains(("placementDate", RuleViolationCode.NoTariffInForce),
            Broken(() => Case.Open(Guid.NewGuid(), "NSP-2026-0001", early, Certified, Now, Today, Tariffs)));
        Assert.Empty((Application() with { PlacementDate = new DateOnly(2022, 1, 1) }).ValidateFacts(Today, Tariffs));
    }

    [Fact]
    public void A_victim_under_18_at_the_placement_is_referred_to_the_social_services_and_accompanying_children_stay_part_of_a_case()
    {
        // Placed in 2026: born 2009 is 17 at the most that year; born 2008 turns 18 in it and counts as an adult.
        Assert.Equal([("birthYear", RuleViolationCode.ChildVictim)],
            Broken(() => Case.Open(Guid.NewGuid(), "NSP-2026-0001", Application() with { BirthYear = 2009 }, Certified, Now, Today, Tariffs)));
        var adult = Case.Open(Guid.NewGuid(), "NSP-2026-0001", Application(new Child(2024, true)) with { BirthYear = 2008 }, Certified, Now, Today, Tariffs);
        Assert.Equal((2008, 1), (adult.Application.BirthYear, adult.Application.Children.Count));
    }

    [Fact]
    public void Support_ended_on_day_11_pays_the_reflection_to_that_day_only()
    {
        var c = Admitted();
        Assert.Equal([("lastDay", RuleViolationCode.Required)], Broken(() => c.EndSupportOn(null, Tariffs)));
        Assert.Equal([("lastDay", RuleViolationCode.OutsidePeriod)], Broken(() => c.EndSupportOn(Today.AddDays(30), Tariffs)));

        c.EndSupportOn(Today.AddDays(10), Tariffs);
        // 11 days (the placement day and the ten after it) at 600 + 600 kr a day.
        Assert.Equal((11, 11 * 1200m), (c.Periods[0].Days, PeriodAmount.Calculate(c.Periods[0], Tariffs).Total));
    }

    [Fact]
    public void Only_a_shelter_certified_on_the_placement_day_and_today_may_apply()
    {
        var lapsed = Shelter.Create(Guid.NewGuid(), Valid.Details with { CertifiedUntil = Today.AddDays(-1) }, Now);
        Assert.Equal([("shelterId", RuleViolationCode.NotCertified)],
            Broken(() => Case.Open(Guid.NewGuid(), "NSP-2026-0001", Application() with { ShelterId = lapsed.Id }, lapsed, Now, Today, Tariffs)));
        Assert.Equal([("shelterId", RuleViolationCode.NotFound)],
            Broken(() => Case.Open(Guid.NewGuid(), "NSP-2026-0001", Application(), null, Now, Today, Tariffs)));
    }

    [Fact]
    public void The_reflection_starts_on_the_placement_day_with_the_children_in_Sweden_and_extended_support_follows_the_day_after()
    {
        var c = Admitted(new Child(2019, true), new Child(2015, false));
        Assert.Equal((Today, Today.AddDays(29), 1), (c.Periods[0].FirstDay, c.Periods[0].LastDay, c.Periods[0].Terms.AccompanyingChildrenInSweden));
        Assert.Equal(30 * 1700m, PeriodAmount.Calculate(c.Periods[0], Tariffs).Total);

        c.AddNeedsAssessment(Comprehensive(withSchooling: true), "needsAssessment");
        c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, LastDayOf(c), Certified);
        var extended = c.StartNext(PeriodKind.Extended, Tariffs);
        Assert.Equal((Today.AddDays(30), 90, 1, false), (extended.FirstDay, extended.Days, extended.Terms.AccompanyingChildrenInSweden, extended.Terms.MotivatedSupplementApproved));
        Assert.Null(c.PendingRequest);
    }

    [Fact]
    public void A_comprehensive_assessment_is_needed_before_extended_support_and_covers_schooling_only_with_children()
    {
        var c = Admitted();
        Assert.Equal([("needsAssessment", RuleViolationCode.NeedsAssessmentRequired)],
            Broken(() => c.RequestPeriod(PeriodKind.Integration, new PeriodTerms(), Tariffs, LastDayOf(c), Certified)));
        var partial = Comprehensive() with { Areas = new Dictionary<NeedArea, NeedEntry> { [NeedArea.Housing] = new(true) } };
        Assert.Contains(("needsAssessment.areas.legalAdvice", RuleViolationCode.Required), Broken(() => c.AddNeedsAssessment(partial, "needsAssessment")));
        c.AddNeedsAssessment(Comprehensive(), "needsAssessment");
        Assert.Equal([("needsAssessment.areas.schoolingForChildren", RuleViolationCode.Required)],
            Broken(() => Admitted(new Child(2019, true)).AddNeedsAssessment(Comprehensive(), "needsAssessment")));
        c.RequestPeriod(PeriodKind.Integration, new PeriodTerms(), Tariffs, LastDayOf(c), Certified);
        Assert.Equal(PeriodKind.Integration, c.StartNext(PeriodKind.Integration, Tariffs).Kind);
    }

    [Fact]
    public void A_fourth_extended_period_is_refused_when_asked_for_and_when_started()
    {
        var c = Admitted();
        c.AddNeedsAssessment(Comprehensive(), "needsAssessment");
        for (var i = 0; i < 3; i++)
        {
            c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, LastDayOf(c), Certified);
            c.StartNext(PeriodKind.Extended, Tariffs);
        }

        Assert.Equal([("outcome", RuleViolationCode.TooManyExtendedPeriods)], Broken(() => c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, LastDayOf(c), Certified)));
        // Whatever a definition does, the period itself is refused too.
        Assert.Equal([("Periods[4].Number", RuleViolationCode.TooManyExtendedPeriods)], Broken(() => c.StartNext(PeriodKind.Extended, Tariffs)));
        Assert.Equal(4, c.Periods.Count);
    }

    [Fact]
    public void The_next_period_is_refused_before_the_running_periods_last_14_days_and_two_ahead()
    {
        var c = Admitted();
        c.AddNeedsAssessment(Comprehensive(), "needsAssessment");
        // The reflection runs Today .. Today + 29: the window opens on Today + 16.
        Assert.Equal([("outcome", RuleViolationCode.NextPeriodNotYetOpen)], Broken(() => c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, Today.AddDays(15), Certified)));
        Assert.Equal(Today.AddDays(16).ToString("yyyy-MM-dd"),
            Assert.Single(Assert.Throws<RuleViolationException>(() => c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, Today, Certified)).Violations).Arguments[0]);
        Assert.Null(c.PendingRequest);

        c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, Today.AddDays(16), Certified);
        c.StartNext(PeriodKind.Extended, Tariffs);
        // Approved but not begun: asking for the one after it would commit 180 days at once.
        Assert.Equal([("outcome", RuleViolationCode.NextPeriodNotYetOpen)], Broken(() => c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, Today.AddDays(20), Certified)));
        c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, Today.AddDays(30 + 76), Certified);
    }

    [Fact]
    public void Mmm_after_the_next_period_was_approved_ends_the_reflection_and_drops_the_period_and_the_request()
    {
        var c = Admitted();
        c.AddNeedsAssessment(Comprehensive(), "needsAssessment");
        c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, LastDayOf(c), Certified);
        c.StartNext(PeriodKind.Extended, Tariffs);

        c.ApplyPoliceReport(Today.AddDays(27), mmmGranted: true, Tariffs);

        Assert.Equal((1, 28, CaseOutcome.Mmm), (c.Periods.Count, c.Periods[0].Days, c.Outcome));
        Assert.Equal(28 * 1200m, PeriodAmount.Calculate(c.Periods[0], Tariffs).Total);
        c.Close(CaseOutcome.Mmm);
    }

    [Fact]
    public void A_lapsed_shelter_cannot_apply_for_money_while_its_running_period_runs_to_its_end()
    {
        var c = Admitted();
        c.AddNeedsAssessment(Comprehensive(), "needsAssessment");
        var lapsing = Shelter.Create(Certified.Id, Valid.Details with { CertifiedUntil = Today.AddDays(10) }, Now);
        var clothes = new PointIntervention("clothes", 800m, "Vinterkläder", null, Today.AddDays(5));

        // Certified on day 5: a point intervention is possible; after day 11 nothing more is.
        c.SubmitPointIntervention(Guid.NewGuid(), clothes, Tariffs, Now, Today.AddDays(5), lapsing);
        Assert.Equal([("certification", RuleViolationCode.NotCertified)],
            Broken(() => c.SubmitPointIntervention(Guid.NewGuid(), clothes, Tariffs, Now, Today.AddDays(11), lapsing)));
        Assert.Equal([("certification", RuleViolationCode.NotCertified)],
            Broken(() => c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, LastDayOf(c), lapsing)));
        Assert.Null(c.PendingRequest);
        Assert.Equal((1, 30), (c.PointInterventions.Count, c.Periods[0].Days));
    }

    [Fact]
    public void A_point_intervention_applied_for_with_the_application_is_paid_only_if_the_admission_is_approved()
    {
        var refused = Case.Open(Guid.NewGuid(), "NSP-2026-0001", Application(), Certified, Now, Today, Tariffs);
        var first = Guid.NewGuid();
        refused.SubmitPointIntervention(first, new PointIntervention("clothes", 1200m, "Vinterkläder", null, Today), Tariffs, Now, Today, Certified);
        refused.DecidePointIntervention(first, approved: true, null, Tariffs);
        refused.Reject("Kriterierna är inte uppfyllda");
        Assert.Equal((PointInterventionStatus.Rejected, "Kriterierna är inte uppfyllda"),
            (refused.PointInterventions[0].Status, refused.PointInterventions[0].RejectionReason));
        // Its review, if still open, can only close as refused.
        Assert.Equal([("status", RuleViolationCode.WrongStatus)], Broken(() => refused.DecidePointIntervention(first, approved: true, null, Tariffs)));
        refused.DecidePointIntervention(first, approved: false, "Tillträdet avslogs", Tariffs);
        Assert.Equal("Kriterierna är inte uppfyllda", refused.PointInterventions[0].RejectionReason);

        var admitted = Case.Open(Guid.NewGuid(), "NSP-2026-0002", Application(), Certified, Now, Today, Tariffs);
        var second = Guid.NewGuid();
        admitted.SubmitPointIntervention(second, new PointIntervention("clothes", 1200m, "Vinterkläder", null, Today), Tariffs, Now, Today, Certified);
        admitted.Admit();
        admitted.DecidePointIntervention(second, approved: true, null, Tariffs);
        Assert.Equal(PointInterventionStatus.Approved, Case.Restore(admitted.ToSnapshot(), Tariffs).PointInterventions.Single().Status);
    }

    [Fact]
    public void A_child_born_on_day_11_brings_the_supplement_from_that_day_and_one_who_leaves_stops_it_after_the_last_day()
    {
        var c = Admitted();
        c.AddNeedsAssessment(Comprehensive(), "needsAssessment");
        Assert.Equal([("birthYear", RuleViolationCode.OutOfRange)], Broken(() => c.AddChild(new Child(1990, true), Today.AddDays(3), Tariffs)));
        Assert.Equal([("from", RuleViolationCode.OutsidePeriod)], Broken(() => c.AddChild(new Child(2026, true), Today.AddDays(30), Tariffs)));

        c.AddChild(new Child(2026, true), Today.AddDays(10), Tariffs);
        // 10 days at 600 + 600 kr, then 20 days with the child's 500 kr.
        Assert.Equal(10 * 1200m + 20 * 1700m, PeriodAmount.Calculate(c.Periods[0], Tariffs).Total);
        c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, LastDayOf(c), Certified);
        Assert.Equal(1, c.StartNext(PeriodKind.Extended, Tariffs).Terms.AccompanyingChildrenInSweden);

        // The child leaves on the extended period's fifth day: 5 days with the supplement, 85 without.
        c.ChildLeft(0, Today.AddDays(34), Tariffs);
        Assert.Equal(5 * 1700m + 85 * 1200m, PeriodAmount.Calculate(c.Periods[1], Tariffs).Total);
        Assert.Equal((Today.AddDays(10), Today.AddDays(34)), (c.Application.Children[0].JoinedOn, c.Application.Children[0].LeftOn));
        Assert.Equal([("child", RuleViolationCode.NotFound)], Broken(() => c.ChildLeft(0, Today.AddDays(40), Tariffs)));
        Assert.Equal(c.Periods, Case.Restore(c.ToSnapshot(), Tariffs).Periods);
    }

    [Fact]
    public void The_public_paying_housing_from_day_21_leaves_protection_and_support_paid_until_it_stops()
    {
        var c = Admitted();
        c.PublicPaysFrom(Today.AddDays(20), housing: true, protection: false, Tariffs);
        // 20 days at 600 + 600 kr, then 10 days at 600 kr (protection and support only).
        Assert.Equal(20 * 1200m + 10 * 600m, PeriodAmount.Calculate(c.Periods[0], Tariffs).Total);
        Assert.Equal([("protection", RuleViolationCode.PublicPaysBoth)], Broken(() => c.PublicPaysFrom(Today.AddDays(25), true, true, Tariffs)));
        Assert.Equal([("from", RuleViolationCode.OutsidePeriod)], Broken(() => c.PublicPaysFrom(Today.AddDays(40), true, false, Tariffs)));

        // From day 26 the public pays nothing again: 20 × 1 200 + 5 × 600 + 5 × 1 200.
        c.PublicPaysFrom(Today.AddDays(25), housing: false, protection: false, Tariffs);
        Assert.Equal(20 * 1200m + 5 * 600m + 5 * 1200m, PeriodAmount.Calculate(c.Periods[0], Tariffs).Total);
        Assert.Equal(2, c.Periods[0].Changes!.Count);
        // Support ending on day 22 drops the later change with its days.
        c.EndSupportOn(Today.AddDays(21), Tariffs);
        Assert.Equal(20 * 1200m + 2 * 600m, PeriodAmount.Calculate(c.Periods[0], Tariffs).Total);
        Assert.Single(c.Periods[0].Changes!);
    }

    [Fact]
    public void The_motivated_supplement_is_asked_for_with_a_reason_and_paid_by_day_from_its_approval()
    {
        var c = Admitted();
        var id = Guid.NewGuid();
        Assert.Equal([("justification", RuleViolationCode.Required)], Broken(() => c.RequestSupplement(id, "  ", Today, Certified)));
        c.RequestSupplement(id, " Nattbemanning behövs. ", Today.AddDays(5), Certified);
        Assert.Equal([("supplement", RuleViolationCode.Duplicate)], Broken(() => c.RequestSupplement(Guid.NewGuid(), "Igen", Today.AddDays(6), Certified)));
        Assert.Equal([("reason", RuleViolationCode.Required)], Broken(() => c.DecideSupplement(id, approved: false, null, Today.AddDays(10), Tariffs)));

        // Approved on day 11: 10 days at 600 + 600 kr, then 20 days with the 200 kr supplement.
        c.DecideSupplement(id, approved: true, null, Today.AddDays(10), Tariffs);
        Assert.Equal(10 * 1200m + 20 * 1400m, PeriodAmount.Calculate(c.Periods[0], Tariffs).Total);
        Assert.Equal(("Nattbemanning behövs.", SupplementStatus.Approved), (c.Supplements[0].Justification, c.Supplements[0].Status));
        // The next period pays it from its first day.
        c.AddNeedsAssessment(Comprehensive(), "needsAssessment");
        c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, LastDayOf(c), Certified);
        Assert.Equal(90 * 1400m, PeriodAmount.Calculate(c.StartNext(PeriodKind.Extended, Tariffs), Tariffs).Total);
        Assert.Equal(c.Supplements, Case.Restore(c.ToSnapshot(), Tariffs).Supplements);
    }

    [Fact]
    public void A_supplement_approved_while_the_admission_waits_is_paid_from_its_approval_once_the_reflection_starts()
    {
        var c = Case.Open(Guid.NewGuid(), "NSP-2026-0001", Application(), Certified, Now, Today, Tariffs);
        var id = Guid.NewGuid();
        c.RequestSupplement(id, "Dubbelbemanning nattetid.", Today, Certified);
        c.DecideSupplement(id, approved: true, null, Today.AddDays(2), Tariffs);
        c.Admit();
        c.StartReflection(Tariffs);
        // 2 days without, 28 days with the supplement.
        Assert.Equal(2 * 1200m + 28 * 1400m, PeriodAmount.Calculate(c.Periods[0], Tariffs).Total);

        var refused = Case.Open(Guid.NewGuid(), "NSP-2026-0002", Application(), Certified, Now, Today, Tariffs);
        refused.RequestSupplement(id, "Dubbelbemanning nattetid.", Today, Certified);
        refused.Reject("Kriterierna är inte uppfyllda");
        Assert.Equal((SupplementStatus.Rejected, "Kriterierna är inte uppfyllda"), (refused.Supplements[0].Status, refused.Supplements[0].RejectionReason));
    }

    [Fact]
    public void A_refused_request_keeps_the_reason_and_the_shelter_may_ask_again()
    {
        var c = Admitted();
        c.AddNeedsAssessment(Comprehensive(), "needsAssessment");
        c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(), Tariffs, LastDayOf(c), Certified);
        Assert.Equal([("reason", RuleViolationCode.Required)], Broken(() => c.RejectRequest(" ")));
        c.RejectRequest("Behovet är inte styrkt");
        Assert.Equal([new RejectedRequest(PeriodKind.Extended, "Behovet är inte styrkt")], c.RejectedRequests);
        Assert.Null(c.PendingRequest);
        c.RequestPeriod(PeriodKind.Integration, new PeriodTerms(), Tariffs, LastDayOf(c), Certified);
    }

    [Fact]
    public void Rejection_closes_the_application_with_its_reason_and_nothing_can_start()
    {
        var c = Case.Open(Guid.NewGuid(), "NSP-2026-0001", Application(), Certified, Now, Today, Tariffs);
        c.Reject("Kriterierna är inte uppfyllda");
        Assert.Equal((CaseStatus.Closed, CaseOutcome.Rejected), (c.Status, c.Outcome));
        Assert.Equal([("status", RuleViolationCode.WrongStatus)], Broken(() => c.StartReflection(Tariffs)));
        Assert.Equal([("status", RuleViolationCode.WrongStatus)], Broken(c.Admit));
    }

    [Fact]
    public void Closing_needs_the_outcome_the_case_supports()
    {
        var c = Admitted();
        Assert.Equal([("outcome", RuleViolationCode.OutOfOrder)], Broken(() => c.Close(CaseOutcome.Mmm)));
        Assert.Equal([("outcome", RuleViolationCode.OutOfOrder)], Broken(() => c.Close(CaseOutcome.Integration)));
        c.ApplyPoliceReport(Today.AddDays(11), mmmGranted: true, Tariffs);
        c.Close(CaseOutcome.Mmm);
        Assert.Equal((CaseStatus.Closed, CaseOutcome.Mmm, 12), (c.Status, c.Outcome, c.Periods[0].Days));
    }

    [Fact]
    public void Point_interventions_above_the_cap_are_refused_and_stay_possible_after_MMM()
    {
        var c = Admitted();
        var id = Guid.NewGuid();
        Assert.Contains(("Amount", RuleViolationCode.AboveCap),
            Broken(() => c.SubmitPointIntervention(id, new PointIntervention("clothes", 5000.01m, "Kläder", null, Today), Tariffs, Now, Today, Certified)));
        Assert.Empty(c.PointInterventions);

        c.ApplyPoliceReport(Today.AddDays(3), mmmGranted: true, Tariffs);
        c.Close(CaseOutcome.Mmm);
        c.SubmitPointIntervention(id, new PointIntervention("clothes", 5000m, "Kläder", null, Today.AddDays(5)), Tariffs, Now, Today, Certified);
        Assert.Equal([("reason", RuleViolationCode.Required)], Broken(() => c.DecidePointIntervention(id, approved: false, null, Tariffs)));
        c.DecidePointIntervention(id, approved: true, null, Tariffs);
        Assert.Equal(PointInterventionStatus.Approved, c.PointInterventions.Single().Status);
        Assert.Equal([("pointInterventionId", RuleViolationCode.WrongStatus)], Broken(() => c.DecidePointIntervention(id, approved: true, null, Tariffs)));
    }

    [Fact]
    public void A_stored_case_restores_to_the_same_case()
    {
        var c = Admitted(new Child(2019, true));
        c.AddNeedsAssessment(Comprehensive(withSchooling: true), "needsAssessment");
        c.RequestPeriod(PeriodKind.Extended, new PeriodTerms(PublicPaysHousing: true), Tariffs, LastDayOf(c), Certified);
        c.StartNext(PeriodKind.Extended, Tariffs);
        var restored = Case.Restore(c.ToSnapshot(), Tariffs);
        Assert.Equal(c.Periods, restored.Periods);
        Assert.Equal((c.Status, c.Outcome, c.Reference, c.NeedsAssessments.Count), (restored.Status, restored.Outcome, restored.Reference, restored.NeedsAssessments.Count));
    }

    [Theory]
    [InlineData(2026, 42, "NSP-2026-0042")]
    [InlineData(2027, 12345, "NSP-2027-12345")]
    public void References_count_per_year(int year, int number, string expected)
    {
        Assert.Equal(expected, CaseReference.Format(year, number));
        Assert.Equal(number, CaseReference.NumberOf(expected, year));
        Assert.Equal(0, CaseReference.NumberOf(expected, year + 1));
    }
}

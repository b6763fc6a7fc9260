using System.Net;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// The program's rules that the documents require (issue 15, items 3 to 7) played through the API as a shelter and the
/// coordinator would, the clock moved: on SQLite and PostgreSQL. Every sum is computed here by hand.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ProgramRulesTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_next_period_is_asked_for_in_the_last_14_days_and_MMM_before_it_begins_cancels_it(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var placement = driver.Today;
        var (id, _) = await driver.ApplyAndAdmitAsync(placement);
        var assessment = new { needsAssessment = CaseDriver.Comprehensive(placement) };

        // Day 1 of 30: too early, and the message says from when.
        var early = await CaseDriver.FieldErrorsAsync(await driver.CompleteAsync(driver.Shelter, await driver.OpenTaskAsync(id, "next-step"), "extended", assessment));
        Assert.Equal(["outcome"], early.Keys);
        Assert.Contains(placement.AddDays(16).ToString("yyyy-MM-dd"), early["outcome"][0]);

        await driver.AdvanceDaysAsync(16);
        await driver.CompleteOkAsync(driver.Shelter, id, "next-step", "extended", assessment);
        await driver.CompleteOkAsync(driver.Coordinator, id, "extended-review", "approve");
        Assert.Equal([("reflection", 1, 30, 30 * 1200m), ("extended", 1, 90, 90 * 1200m)], CaseDriver.Periods(await driver.CaseAsync(id)));

        // The extended period has not begun: asking for the one after it would commit 180 days at once.
        var ahead = await CaseDriver.FieldErrorsAsync(await driver.CompleteAsync(driver.Shelter, await driver.OpenTaskAsync(id, "next-step"), "extended"));
        Assert.Equal(["outcome"], ahead.Keys);

        // A police report with MMM on day 28: the reflection is paid 28 days and the approved 90 days are released.
        await driver.AdvanceDaysAsync(11);
        await CaseDriver.AssertStatusAsync(HttpStatusCode.OK, await driver.ReportToPoliceAsync(id, placement.AddDays(27), mmmGranted: true), "police report");
        var stored = await driver.CaseAsync(id);
        Assert.Equal([("reflection", 1, 28, 28 * 1200m)], CaseDriver.Periods(stored));
        Assert.Equal(28 * 1200m, stored.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(("closed", "mmm"), (stored.GetProperty("status").GetString(), stored.GetProperty("outcome").GetString()));

        // The coordinator is told in the inbox; the shelter has nothing left to do.
        Assert.Equal(["mmm-noted"], (await driver.OpenTasksAsync(id)).Select(t => t.GetProperty("formKey").GetString()));
        await driver.CompleteOkAsync(driver.Coordinator, id, "mmm-noted", "noted");
        Assert.Empty(await driver.OpenTasksAsync(id));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_police_report_during_extended_support_is_recorded_and_MMM_ends_its_funding_that_day(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var placement = driver.Today;
        var (id, _) = await driver.ApplyAndAdmitAsync(placement);
        await driver.AdvanceDaysAsync(29);
        await driver.CompleteOkAsync(driver.Shelter, id, "next-step", "extended", new { needsAssessment = CaseDriver.Comprehensive(driver.Today) });
        await driver.CompleteOkAsync(driver.Coordinator, id, "extended-review", "approve");
        await driver.AdvanceDaysAsync(10);

        // Without MMM the extended period runs on.
        await CaseDriver.AssertStatusAsync(HttpStatusCode.OK, await driver.ReportToPoliceAsync(id, placement.AddDays(35), mmmGranted: false), "report without MMM");
        Assert.Equal([("reflection", 1, 30, 30 * 1200m), ("extended", 1, 90, 90 * 1200m)], CaseDriver.Periods(await driver.CaseAsync(id)));

        // With MMM on day 10 of extended support (day 40 of the case) its funding ends that day: 10 days at 1 200 kr.
        await CaseDriver.AssertStatusAsync(HttpStatusCode.OK, await driver.ReportToPoliceAsync(id, placement.AddDays(39), mmmGranted: true), "report with MMM");
        var stored = await driver.CaseAsync(id);
        Assert.Equal([("reflection", 1, 30, 30 * 1200m), ("extended", 1, 10, 10 * 1200m)], CaseDriver.Periods(stored));
        Assert.Equal(30 * 1200m + 10 * 1200m, stored.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(2, stored.GetProperty("policeReports").GetArrayLength());
        Assert.Equal(("closed", "mmm"), (stored.GetProperty("status").GetString(), stored.GetProperty("outcome").GetString()));
        Assert.Equal(["mmm-noted"], (await driver.OpenTasksAsync(id)).Select(t => t.GetProperty("formKey").GetString()));

        // Point interventions stay possible.
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Created, await driver.SubmitPointInterventionAsync(id, "lawyer", 4000m, "Advokat inför förhör"), "point intervention");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_point_intervention_applied_for_with_the_application_is_paid_only_if_the_admission_is_approved(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);

        // Refused admission: the intervention is refused with it, for the same reason, and its review can only close as refused.
        var (refusedId, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Created, await driver.SubmitPointInterventionAsync(refusedId, "clothes", 1500m, "Vinterkläder"), "with the application");
        Assert.Equal(["admission-review", "point-intervention-review"],
            (await driver.OpenTasksAsync(refusedId)).Select(t => t.GetProperty("formKey").GetString()).Order());
        await driver.CompleteOkAsync(driver.Coordinator, refusedId, "admission-review", "reject", new { reason = "Kriterierna är inte uppfyllda." });
        var refused = await driver.CaseAsync(refusedId);
        var intervention = refused.GetProperty("pointInterventions")[0];
        Assert.Equal(("rejected", "Kriterierna är inte uppfyllda."),
            (intervention.GetProperty("status").GetString(), intervention.GetProperty("rejectionReason").GetString()));
        Assert.Equal(0m, refused.GetProperty("totalAmount").GetDecimal());
        var review = await driver.OpenTaskAsync(refusedId, "point-intervention-review");
        Assert.Equal(["status"], (await CaseDriver.FieldErrorsAsync(await driver.CompleteAsync(driver.Coordinator, review, "approve"))).Keys);
        await driver.CompleteOkAsync(driver.Coordinator, refusedId, "point-intervention-review", "reject", new { reason = "Tillträdet avslogs." });

        // Approved while the admission waits: not paid until the admission is approved, then paid.
        var (admittedId, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Created, await driver.SubmitPointInterventionAsync(admittedId, "clothes", 1500m, "Vinterkläder"), "with the application");
        await driver.CompleteOkAsync(driver.Coordinator, admittedId, "point-intervention-review", "approve");
        Assert.Equal(0m, (await driver.CaseAsync(admittedId)).GetProperty("totalAmount").GetDecimal());
        await driver.CompleteOkAsync(driver.Coordinator, admittedId, "admission-review", "approve");
        Assert.Equal(30 * 1200m + 1500m, (await driver.CaseAsync(admittedId)).GetProperty("totalAmount").GetDecimal());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_shelter_whose_certification_lapsed_applies_for_no_more_money_and_the_case_is_flagged(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var placement = driver.Today;
        var (id, _) = await driver.ApplyAndAdmitAsync(placement);
        await using (var db = app.CreateDbContext())
        {
            var shelter = await db.Shelters.SingleAsync(s => s.Id == CaseDriver.ShelterNorth);
            shelter.Update(shelter.ToDetails() with { CertifiedUntil = placement.AddDays(5) }, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        Assert.False((await driver.CaseAsync(id)).GetProperty("shelterNotCertified").GetBoolean());
        await driver.AdvanceDaysAsync(20);

        var request = await driver.CompleteAsync(driver.Shelter, await driver.OpenTaskAsync(id, "next-step"), "extended",
            new { needsAssessment = CaseDriver.Comprehensive(driver.Today) });
        Assert.Contains("certifiering", (await CaseDriver.FieldErrorsAsync(request))["certification"][0]);
        var intervention = await driver.SubmitPointInterventionAsync(id, "clothes", 800m, "Vinterkläder");
        Assert.Equal(["certification"], (await CaseDriver.FieldErrorsAsync(intervention)).Keys);

        // The running reflection keeps its 30 days; the coordinator sees the case flagged, on the case and in the list.
        var stored = await driver.CaseAsync(id);
        Assert.Equal([("reflection", 1, 30, 30 * 1200m)], CaseDriver.Periods(stored));
        Assert.True(stored.GetProperty("shelterNotCertified").GetBoolean());
        using var coordinator = await app.SignInAsync("coordinator");
        Assert.Contains("Boendets certifiering gäller inte längre", await PagesClient.ReadAsync(await coordinator.GetAsync($"/cases/{id}")));
        Assert.Contains("Ska flyttas: boendets certifiering har upphört", await PagesClient.ReadAsync(await coordinator.GetAsync("/cases")));
    }
}

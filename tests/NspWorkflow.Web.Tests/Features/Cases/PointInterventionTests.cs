using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NspWorkflow.Data;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>Point interventions: the cap and the intervention list, the coordinator's review, and after MMM.</summary>
[Collection(AppCollection.Name)]
public sealed class PointInterventionTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_point_intervention_above_the_cap_is_refused_and_one_at_the_cap_goes_to_the_coordinator(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAndAdmitAsync(driver.Today);

        var aboveCap = await driver.SubmitPointInterventionAsync(id, "lawyer", 5000.01m, "Advokatkostnad");
        var capErrors = await CaseDriver.FieldErrorsAsync(aboveCap);
        Assert.Equal(["amount"], capErrors.Keys);
        Assert.Contains("5000", Assert.Single(capErrors["amount"]));
        var unknownCategory = await driver.SubmitPointInterventionAsync(id, "holiday", 800m, "Semesterresa");
        Assert.Equal(["categoryKey"], (await CaseDriver.FieldErrorsAsync(unknownCategory)).Keys);

        var refused = await driver.CaseAsync(id, driver.Shelter);
        Assert.Empty(refused.GetProperty("pointInterventions").EnumerateArray());
        Assert.DoesNotContain(await driver.OpenTasksAsync(id), t => t.GetProperty("formKey").GetString() == "point-intervention-review");

        // At the cap: stored as submitted, with a review task for the coordinator.
        var atCap = await driver.SubmitPointInterventionAsync(id, "lawyer", 5000m, "Advokatkostnad");
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Created, atCap, "5000 SEK");
        var lawyerId = (await atCap.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var review = await driver.OpenTaskAsync(id, "point-intervention-review");
        var task = await driver.Coordinator.GetFromJsonAsync<JsonElement>($"/api/tasks/{review}");
        Assert.Equal("coordinator", task.GetProperty("assigneeRole").GetString());
        Assert.Equal(id, task.GetProperty("caseId").GetGuid());
        Assert.Equal("submitted", Intervention(await driver.CaseAsync(id, driver.Shelter), lawyerId).GetProperty("status").GetString());

        await driver.CompleteOkAsync(driver.Coordinator, id, "point-intervention-review", "approve");
        var approved = await driver.CaseAsync(id, driver.Shelter);
        var lawyer = Intervention(approved, lawyerId);
        Assert.Equal("approved", lawyer.GetProperty("status").GetString());
        Assert.Equal(5000m, lawyer.GetProperty("amount").GetDecimal());
        Assert.Equal("lawyer", lawyer.GetProperty("categoryKey").GetString());
        Assert.Equal(30 * 1200m + 5000m, approved.GetProperty("totalAmount").GetDecimal());

        // A refusal needs a reason, and the shelter reads it.
        var clothes = await driver.SubmitPointInterventionAsync(id, "clothes", 800m, "Vinterkläder");
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Created, clothes, "clothes");
        var clothesId = (await clothes.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var clothesReview = await driver.OpenTaskAsync(id, "point-intervention-review");
        var noReason = await driver.CompleteAsync(driver.Coordinator, clothesReview, "reject");
        Assert.Contains("data.reason", (await CaseDriver.FieldErrorsAsync(noReason)).Keys);
        Assert.Equal("submitted", Intervention(await driver.CaseAsync(id), clothesId).GetProperty("status").GetString());
        var rejected = await driver.CompleteAsync(driver.Coordinator, clothesReview, "reject", new { reason = "Kläder ingår i dygnsersättningen." });
        await CaseDriver.AssertStatusAsync(HttpStatusCode.OK, rejected, "reject with a reason");
        var afterRejection = await driver.CaseAsync(id, driver.Shelter);
        var refusedClothes = Intervention(afterRejection, clothesId);
        Assert.Equal("rejected", refusedClothes.GetProperty("status").GetString());
        Assert.Equal("Kläder ingår i dygnsersättningen.", refusedClothes.GetProperty("rejectionReason").GetString());
        Assert.Equal(30 * 1200m + 5000m, afterRejection.GetProperty("totalAmount").GetDecimal());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task After_a_police_report_with_MMM_a_point_intervention_is_still_possible(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var placement = driver.Today;
        var (id, _) = await driver.ApplyAndAdmitAsync(placement);
        await driver.AdvanceDaysAsync(4);
        await CaseDriver.AssertStatusAsync(HttpStatusCode.OK, await driver.ReportToPoliceAsync(id, driver.Today, mmmGranted: true), "police report");
        var mmm = await driver.CaseAsync(id);
        Assert.Equal("mmm", mmm.GetProperty("outcome").GetString());
        Assert.Equal([("reflection", 1, 5, 5 * 1200m)], CaseDriver.Periods(mmm));

        // The daily funding ended; a one-off cost is still the program's, within the cap.
        Assert.Equal(["amount"], (await CaseDriver.FieldErrorsAsync(
            await driver.SubmitPointInterventionAsync(id, "dental-care", 5200m, "Akut tandvård"))).Keys);
        var dental = await driver.SubmitPointInterventionAsync(id, "dental-care", 2400m, "Akut tandvård");
        await CaseDriver.AssertStatusAsync(HttpStatusCode.Created, dental, "point intervention after MMM");
        await driver.CompleteOkAsync(driver.Coordinator, id, "point-intervention-review", "approve");

        var after = await driver.CaseAsync(id, driver.Shelter);
        Assert.Equal("mmm", after.GetProperty("outcome").GetString());
        var intervention = Assert.Single(after.GetProperty("pointInterventions").EnumerateArray());
        Assert.Equal("approved", intervention.GetProperty("status").GetString());
        Assert.Equal([("reflection", 1, 5, 5 * 1200m)], CaseDriver.Periods(after));
        Assert.Equal(5 * 1200m + 2400m, after.GetProperty("totalAmount").GetDecimal());
    }

    private static JsonElement Intervention(JsonElement @case, Guid id) =>
        Assert.Single(@case.GetProperty("pointInterventions").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
}

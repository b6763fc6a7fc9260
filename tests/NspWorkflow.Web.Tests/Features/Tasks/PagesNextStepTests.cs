using System.Net;
using System.Text.RegularExpressions;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Tasks;

/// <summary>The shelter's next-step form: the comprehensive needs assessment and the terms, checked by the domain.</summary>
[Collection(AppCollection.Name)]
public sealed class PagesNextStepTests
{
    private static readonly string[] Areas =
        ["housing", "materialSupport", "healthCare", "psychologicalSupport", "legalAdvice", "interpretation", "returnInformation", "onwardReferral"];

    [Fact]
    public async Task Extended_support_is_asked_for_from_the_page_once_every_area_of_the_needs_assessment_is_answered()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        await driver.CompleteOkAsync(driver.Coordinator, id, "admission-review", "approve");
        var taskId = await driver.OpenTaskAsync(id, "next-step");
        using var shelter = await app.SignInAsync("shelter-1");

        // On day 1 the page says from when the next period can be asked for: the reflection's last 14 days.
        var opensOn = driver.Today.AddDays(16);
        Assert.Contains($"Fördjupat stöd eller integration kan sökas från och med {opensOn:yyyy-MM-dd}",
            WebUtility.HtmlDecode(await PagesClient.OpenTaskAsync(shelter, taskId)));
        await driver.AdvanceDaysAsync(29);
        var form = await PagesClient.OpenTaskAsync(shelter, taskId);
        Assert.DoesNotContain("kan sökas från och med", WebUtility.HtmlDecode(form));
        Assert.DoesNotContain("Skolgång för barn", WebUtility.HtmlDecode(form));

        // Without an assessment the domain refuses, and says so at the assessment.
        var none = await PagesClient.ReadAsync(await PagesClient.PressAsync(shelter, taskId, form, "extended"));
        Assert.Matches(new Regex("id=\"needsAssessment-error\">\\s*<p>En fördjupad behovsbedömning krävs först.</p>"), none);

        // One area left unanswered: the message stands at that area.
        var partial = Answers(Areas[..^1]);
        var missing = await PagesClient.ReadAsync(await PagesClient.PressAsync(shelter, taskId, none, "extended", partial));
        Assert.Matches(new Regex("id=\"needsAssessment-areas-onwardReferral-error\">\\s*<p>Måste anges.</p>"), missing);
        Assert.Contains("<a href=\"#Input_Areas_onwardReferral_Need-yes\">Måste anges.</a>", missing);
        Assert.Contains("value=\"Stöd hos boendet\"", missing);
        Assert.Equal(taskId, await driver.OpenTaskAsync(id, "next-step"));

        var complete = new Dictionary<string, string>(Answers(Areas)) { ["Input.PublicPaysHousing"] = "true" };
        var done = await PagesClient.PressAsync(shelter, taskId, missing, "extended", complete);
        Assert.Equal("/tasks", done.RequestMessage!.RequestUri!.AbsolutePath);
        await driver.OpenTaskAsync(id, "extended-review");
        var assessments = (await driver.CaseAsync(id)).GetProperty("needsAssessments").EnumerateArray()
            .Where(a => a.GetProperty("kind").GetString() == "comprehensive").ToList();
        var housing = Assert.Single(assessments).GetProperty("areas").GetProperty("housing");
        Assert.True(housing.GetProperty("need").GetBoolean());
        Assert.Equal("Stöd hos boendet", housing.GetProperty("plannedSupport").GetString());
    }

    [Fact]
    public async Task Ending_support_from_the_page_asks_for_the_last_day_and_pays_to_it()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAndAdmitAsync(driver.Today);
        var placement = driver.Today;
        await driver.AdvanceDaysAsync(10);
        var taskId = await driver.OpenTaskAsync(id, "next-step");
        using var shelter = await app.SignInAsync("shelter-1");

        var form = await PagesClient.OpenTaskAsync(shelter, taskId);
        var missing = await PagesClient.ReadAsync(await PagesClient.PressAsync(shelter, taskId, form, "end"));
        Assert.Contains("<a href=\"#Input_LastDay\">Sista dag med stöd måste anges.</a>", missing);

        var done = await PagesClient.PressAsync(shelter, taskId, missing, "end",
            new Dictionary<string, string> { ["Input.LastDay"] = placement.AddDays(10).ToString("yyyy-MM-dd") });
        Assert.Equal("/tasks", done.RequestMessage!.RequestUri!.AbsolutePath);
        var stored = await driver.CaseAsync(id);
        Assert.Equal([("reflection", 1, 11, 11 * 1200m)], CaseDriver.Periods(stored));
    }

    private static Dictionary<string, string> Answers(IEnumerable<string> areas) =>
        areas.SelectMany(a => new[]
        {
            KeyValuePair.Create($"Input.Areas[{a}].Need", a == "healthCare" ? "no" : "yes"),
            KeyValuePair.Create($"Input.Areas[{a}].PlannedSupport", "Stöd hos boendet"),
        }).ToDictionary();
}

using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Tasks;

/// <summary>The coordinator's daily digest of approvals waiting: references and kinds of task only, once a day.</summary>
[Collection(AppCollection.Name)]
public sealed class CoordinatorDigestTests
{
    [Fact]
    public async Task The_digest_lists_waiting_approvals_by_reference_once_a_day_and_is_not_written_when_nothing_waits()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);

        Assert.False(await RunDigestAsync(app));
        var (first, firstReference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var (_, secondReference) = await driver.ApplyAsync(CaseDriver.Application(driver.Today, new { birthYear = 2020, inSweden = true }));

        Assert.True(await RunDigestAsync(app));
        Assert.False(await RunDigestAsync(app));
        var digest = Assert.Single(await driver.MailAsync(), m => m.GetProperty("kind").GetString() == CoordinatorDigestJob.Kind);
        Assert.Equal(["samordnare@nsp.example"], digest.GetProperty("to").EnumerateArray().Select(t => t.GetString()));
        var text = digest.GetProperty("text").GetString()!;
        Assert.Contains($"{firstReference}: Granska ansökan", text);
        Assert.Contains($"{secondReference}: Granska ansökan", text);
        Assert.StartsWith("2 uppgifter väntar", text);
        foreach (var personal in new[] { "1995", "2020", "RO", "female", "sexual" })
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);

        // The next day, with one review left, a new digest lists only that one.
        await driver.CompleteOkAsync(driver.Coordinator, first, "admission-review", "approve");
        await driver.AdvanceDaysAsync(1);
        Assert.True(await RunDigestAsync(app));
        var latest = (await driver.MailAsync()).Where(m => m.GetProperty("kind").GetString() == CoordinatorDigestJob.Kind).Last();
        Assert.StartsWith("1 uppgift väntar", latest.GetProperty("text").GetString());
        Assert.DoesNotContain(firstReference, latest.GetProperty("text").GetString());
    }

    private static async Task<bool> RunDigestAsync(NspApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoordinatorDigestJob>().RunAsync(CancellationToken.None);
    }
}

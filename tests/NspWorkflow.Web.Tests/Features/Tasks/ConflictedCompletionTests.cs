using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Features.Tasks.Api;
using NspWorkflow.Web.Features.Tasks.Pages;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Tasks;

/// <summary>
/// A completion whose step keeps losing the race for its instance (other steps of the case, say tasks of parallel
/// branches completed at the same moment, store theirs first every time the engine tries): the task is still open, so
/// the user must not be told it is already completed. The API answers 409 asking to try again, the page says so above
/// the form it keeps, nothing is stored, and once the other steps are done the same request goes through.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConflictedCompletionTests
{
    [Fact]
    public async Task A_completion_that_keeps_losing_the_race_says_try_again_not_already_completed_and_goes_through_when_sent_again()
    {
        var race = new RaceSwitch();
        await using var app = await NspApp.StartAsync(replaceServices: services => services.Replace(ServiceDescriptor.Scoped<IInstanceStore>(
            provider => new LosingInstanceStore(ActivatorUtilities.CreateInstance<EfInstanceStore>(provider),
                provider.GetRequiredService<NspDbContext>(), race))));
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var taskId = await driver.OpenTaskAsync(id, "admission-review");
        var before = (await driver.CaseAsync(id)).GetRawText();
        race.Losing = true;

        var api = await driver.CompleteAsync(driver.Coordinator, taskId, "approve");

        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Texts.Swedish(TaskEndpoints.ConflictTitle), problem.GetProperty("title").GetString());
        Assert.True(race.Lost >= 2, "The engine tried again before giving up.");
        await driver.AssertCompletionNotStoredAsync(id, "admission-review", taskId, before);

        using var coordinator = await app.SignInAsync("coordinator");
        var form = await PagesClient.OpenTaskAsync(coordinator, taskId);
        var page = await PagesClient.PressAsync(coordinator, taskId, form, "approve");

        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        var html = await PagesClient.ReadAsync(page);
        Assert.Contains(Texts.Swedish(DetailsModel.ConflictMessage), html);
        Assert.DoesNotContain(Texts.Swedish(DetailsModel.AlreadyCompletedMessage), html);
        Assert.Contains($"<form method=\"post\" action=\"/tasks/{taskId}\"", html);
        await driver.AssertCompletionNotStoredAsync(id, "admission-review", taskId, before);

        // In English for a user who chose English.
        await NspApp.ChooseEnglishAsync(coordinator);
        var english = await PagesClient.ReadAsync(await PagesClient.PressAsync(coordinator, taskId,
            await PagesClient.OpenTaskAsync(coordinator, taskId), "approve"));
        Assert.Contains("The case was changed by something else at the same moment. The task was not completed and nothing was saved; try again.", english);

        race.Losing = false;
        var done = await PagesClient.PressAsync(coordinator, taskId, english, "approve");
        Assert.Equal("/tasks", done.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("active", (await driver.CaseAsync(id)).GetProperty("status").GetString());
    }

    /// <summary>Whether steps lose their race, and how many lost so far.</summary>
    private sealed class RaceSwitch
    {
        private int lost;

        public volatile bool Losing;

        public int Lost => Volatile.Read(ref lost);

        public void Lose() => Interlocked.Increment(ref lost);
    }

    /// <summary>
    /// The real store, except that while <see cref="RaceSwitch.Losing"/> every step ends as the real store ends one whose
    /// instance another step moved first: nothing stored, the unit of work's tracked changes dropped, Conflict. No real
    /// race can be made to happen on every attempt, and this is the store's side of one.
    /// </summary>
    private sealed class LosingInstanceStore(EfInstanceStore inner, NspDbContext db, RaceSwitch race) : ForwardingInstanceStore(inner)
    {
        public override Task<SaveOutcome> SaveStepAsync(StepCommit commit, CancellationToken cancellationToken = default)
        {
            if (!race.Losing)
                return base.SaveStepAsync(commit, cancellationToken);
            race.Lose();
            db.ChangeTracker.Clear();
            return Task.FromResult(SaveOutcome.Conflict);
        }
    }
}

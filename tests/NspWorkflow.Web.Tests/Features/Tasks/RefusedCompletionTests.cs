using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Features.Tasks.Api;
using NspWorkflow.Web.Features.Tasks.Pages;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Tasks;

/// <summary>
/// A task whose step the workflow refuses: approving an admission leads the case process into its call of
/// "nsp-reflection", whose published versions were withdrawn after the case started. On SQLite and PostgreSQL the API
/// answers 422 naming the process, the page says the workflow refused the step, and nothing is stored: the task stays
/// open, the case is as it was (the approval's change and the admit handler's are dropped), no completion is audited.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RefusedCompletionTests(PostgresServer postgres)
{
    private const string Called = "nsp-reflection";
    private const string LaterReader = "The request's later read";
    private const string Reason = "The called process 'nsp-reflection' has no published version.";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Approving_into_a_withdrawn_process_answers_422_on_the_api_and_a_refusal_on_the_page_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var taskId = await driver.OpenTaskAsync(id, "admission-review");
        var before = (await driver.CaseAsync(id)).GetRawText();
        await SetPublishedAsync(app, Called, false);

        var api = await driver.CompleteAsync(driver.Coordinator, taskId, "approve");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Texts.Swedish(TaskEndpoints.RefusedTitle), problem.GetProperty("title").GetString());
        Assert.Equal(Reason, problem.GetProperty("detail").GetString());
        await AssertNothingStoredAsync(driver, id, taskId, before);

        using var coordinator = await app.SignInAsync("coordinator");
        var form = await PagesClient.OpenTaskAsync(coordinator, taskId);
        var page = await PagesClient.PressAsync(coordinator, taskId, form, "approve");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
        var html = await PagesClient.ReadAsync(page);
        Assert.Contains(Texts.Swedish(DetailsModel.RefusedMessage), html);
        Assert.Contains("Orsak: " + Reason, html);
        Assert.DoesNotContain(Texts.Swedish(DetailsModel.AlreadyCompletedMessage), html);
        // The form is still there to try again once an administrator has fixed the workflow.
        Assert.Contains($"<form method=\"post\" action=\"/tasks/{taskId}\"", html);
        await AssertNothingStoredAsync(driver, id, taskId, before);

        // Published again, the same approval goes through: it was the withdrawn process that refused it.
        await SetPublishedAsync(app, Called, true);
        var done = await PagesClient.PressAsync(coordinator, taskId, html, "approve");
        Assert.Equal("/tasks", done.RequestMessage!.RequestUri!.AbsolutePath);
        var admitted = await driver.CaseAsync(id);
        Assert.Equal("active", admitted.GetProperty("status").GetString());
        Assert.Equal([("reflection", 1, 30, 30 * 1200m)], CaseDriver.Periods(admitted));
    }

    [Fact]
    public async Task The_page_says_so_in_English_when_the_user_chose_English()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var taskId = await driver.OpenTaskAsync(id, "admission-review");
        await SetPublishedAsync(app, Called, false);
        using var coordinator = await app.SignInAsync("coordinator");
        await NspApp.ChooseEnglishAsync(coordinator);

        var form = await PagesClient.OpenTaskAsync(coordinator, taskId);
        var html = await PagesClient.ReadAsync(await PagesClient.PressAsync(coordinator, taskId, form, "approve"));

        Assert.Contains("The task could not be completed: the workflow refused the step. Nothing was saved and the task is still open.", html);
        Assert.Contains("Reason: " + Reason, html);
    }

    /// <summary>
    /// The refused attempt must not linger in the request's unit of work either: a later save in the same scope (any
    /// read the request audits afterwards) stores neither the approval's change, nor the admit handler's, nor the audit entry.
    /// </summary>
    [Fact]
    public async Task A_later_save_in_the_same_unit_of_work_stores_nothing_of_the_refused_attempt()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (id, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var taskId = await driver.OpenTaskAsync(id, "admission-review");
        var before = (await driver.CaseAsync(id)).GetRawText();
        await SetPublishedAsync(app, Called, false);
        var coordinator = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(NspClaimTypes.Name, "Karin Samordnare"), new Claim(NspClaimTypes.Role, Roles.Coordinator)],
            "test", NspClaimTypes.Name, NspClaimTypes.Role));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var completion = scope.ServiceProvider.GetRequiredService<TaskCompleter>();
            var workspace = scope.ServiceProvider.GetRequiredService<CaseWorkspace>();
            var result = await completion.CompleteAsync(taskId, coordinator, "approve",
                (form, _) => form.DataFrom(form.NewInput(), driver.Today), CancellationToken.None);
            Assert.Equal((TaskCompletionStatus.Refused, Reason), (result.Status, result.Reason));

            var found = await workspace.LoadAsync(id, CancellationToken.None);
            Assert.Equal(CaseStatus.Applied, found!.Status);
            workspace.Audit(LaterReader, "case.read", found);
            await workspace.SaveAsync(CancellationToken.None);
        }

        await AssertNothingStoredAsync(driver, id, taskId, before);
        await using var db = app.CreateDbContext();
        Assert.Single(await db.AuditEntries.AsNoTracking().Where(a => a.CaseId == id && a.Action == "case.read" && a.Actor == LaterReader).ToListAsync());
    }

    private static async Task AssertNothingStoredAsync(CaseDriver driver, Guid caseId, Guid taskId, string caseBefore)
    {
        await driver.AssertCompletionNotStoredAsync(caseId, "admission-review", taskId, caseBefore);
        await using var db = driver.App.CreateDbContext();
        Assert.False(await db.WorkflowInstances.AnyAsync(i => i.ProcessId == Called));
    }

    /// <summary>
    /// Stands in for an administrator withdrawing every published version (the product has no withdraw yet): the rows
    /// go back to draft, so the engine finds no published version, exactly as for a process never published.
    /// </summary>
    private static async Task SetPublishedAsync(NspApp app, string processId, bool published)
    {
        await using var db = app.CreateDbContext();
        var changed = await db.WorkflowDefinitionVersions.Where(v => v.ProcessId == processId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, published ? DefinitionStatus.Published : DefinitionStatus.Draft));
        Assert.True(changed > 0, $"{processId} has versions.");
    }
}

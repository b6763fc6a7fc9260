using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Workflows;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>
/// The app starts processes whose timer start event falls due: the minute job (as Hangfire runs it), and the development
/// clock day by day on its way. Occurrences count in the Swedish calendar: 08:00 in Stockholm is 07:00 UTC in March.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ScheduledStartJobTests
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_Daily" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="daily-round" isExecutable="true">
            <bpmn:startEvent id="Start">
              <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/2026-03-03T08:00:00+01:00/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
            <bpmn:userTask id="Task" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task The_minute_job_and_the_development_clock_start_each_occurrence_once()
    {
        await using var app = await NspApp.StartAsync();
        await PublishFileAsync(app, Xml);

        await RunJobAsync(app);
        Assert.Empty(await ScheduledAtAsync(app));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.Zero));
        await RunJobAsync(app);
        await RunJobAsync(app);
        Assert.Equal(["2026-03-03T07:00:00+00:00"], await ScheduledAtAsync(app));

        using var coordinator = await app.ApiClientAsync("demo-coordinator");
        var moved = await coordinator.PostAsJsonAsync("/api/dev/clock", new { advanceDays = 2 });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(JsonValueKind.Number, (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("processesStarted").ValueKind);

        // Day by day, not only the latest: the minute job alone, two days late, would have started 5 March only.
        Assert.Equal(["2026-03-03T07:00:00+00:00", "2026-03-04T07:00:00+00:00", "2026-03-05T07:00:00+00:00"], await ScheduledAtAsync(app));
    }

    private static async Task RunJobAsync(NspApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowTimerJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>The <c>scheduledAt</c> of each instance of daily-round, in order, each with its open task.</summary>
    private static async Task<List<string>> ScheduledAtAsync(NspApp app)
    {
        await using var db = app.CreateDbContext();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.ProcessId == "daily-round").ToListAsync();
        foreach (var instance in instances)
            Assert.Equal(WaitStatus.Open, (await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.InstanceId == instance.Id)).Status);
        return [.. instances.Select(i => InstanceStateJson.Deserialize(i.StateJson).Variables[WorkflowEngine.ScheduledAtVariable].GetString()!).Order()];
    }
}

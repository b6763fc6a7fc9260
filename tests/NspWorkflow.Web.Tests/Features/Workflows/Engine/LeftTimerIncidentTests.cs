using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Web.Tests.Features.Workflows.Engine;

/// <summary>
/// A timer that gave up has an incident; when a later step leaves its activity (the task is completed, the instance
/// ends) the timer is cancelled, and its incident must not stay open on an instance that has nothing left to retry.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LeftTimerIncidentTests(PostgresServer postgres)
{
    private const string Reminded = "reminded-task";

    /// <summary>
    /// "reminded-task": a coordinator's task with a non-interrupting reminder after an hour, whose path calls
    /// "reminded-child", which stays unpublished, so every firing of the reminder is refused and the timer gives up.
    /// </summary>
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_LeftTimer" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="reminded-task" isExecutable="true">
            <bpmn:startEvent id="R_Start" />
            <bpmn:sequenceFlow id="R_F1" sourceRef="R_Start" targetRef="R_Task" />
            <bpmn:userTask id="R_Task" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="R_F2" sourceRef="R_Task" targetRef="R_End" />
            <bpmn:endEvent id="R_End" />
            <bpmn:boundaryEvent id="R_Remind" attachedToRef="R_Task" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="R_F3" sourceRef="R_Remind" targetRef="R_Call" />
            <bpmn:callActivity id="R_Call" calledElement="reminded-child" />
            <bpmn:sequenceFlow id="R_F4" sourceRef="R_Call" targetRef="R_Call_End" />
            <bpmn:endEvent id="R_Call_End" />
          </bpmn:process>
          <bpmn:process id="reminded-child" isExecutable="true">
            <bpmn:startEvent id="RC_Start" />
            <bpmn:sequenceFlow id="RC_F1" sourceRef="RC_Start" targetRef="RC_End" />
            <bpmn:endEvent id="RC_End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Completing_the_task_of_a_reminder_that_gave_up_resolves_the_reminder_s_incident(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        await PublishFileAsync(app, Xml, processId => processId == Reminded);
        var started = await EngineAsync(app, e => e.StartAsync(Reminded, null));
        var instanceId = started.InstanceId!.Value;
        await DriveToGiveUpAsync(app, instanceId);
        Assert.Single(await OpenIncidentsAsync(app), i => i.InstanceId == instanceId && i.ElementId == "R_Remind");

        var taskId = await TaskAsync(app, instanceId);
        Assert.Equal(EngineOutcome.Completed, (await EngineAsync(app, e => e.CompleteTaskAsync(taskId, "done", null, "coordinator-1"))).Outcome);

        // The instance ended normally and its reminder was withdrawn: nothing is left that an administrator could retry.
        Assert.Equal(TimerStatus.Cancelled, (await IncidentProcesses.TimerAsync(app, instanceId)).Status);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var status = await scope.ServiceProvider.GetRequiredService<WorkflowIncidentQueries>().StatusAsync(instanceId, CancellationToken.None);
            Assert.Equal((InstanceStatus.Completed, 0), (status!.Status, status.OpenIncidents));
        }

        Assert.DoesNotContain(await OpenIncidentsAsync(app), i => i.InstanceId == instanceId);
        Assert.Equal(app.Clock.GetUtcNow(), Assert.Single(await IncidentProcesses.IncidentsAsync(app, instanceId)).ResolvedAt);
        Assert.Equal(EngineOutcome.NoIncident, (await EngineAsync(app, e => e.RetryIncidentAsync(instanceId, null, "admin"))).Outcome);
    }

    /// <summary>Sweeps the instance's only timer at each attempt's time until it gives up. Whoever sweeps (the test or the app's minute job), the row tells.</summary>
    private static async Task DriveToGiveUpAsync(NspApp app, Guid instanceId)
    {
        for (var attempt = 1; attempt <= TimerSweeper.MaxAttempts; attempt++)
        {
            app.Clock.SetUtcNow((await IncidentProcesses.TimerAsync(app, instanceId)).NextAttemptAt);
            await SweepAsync(app);
            await IncidentProcesses.WaitForTimerAsync(app, instanceId, t => t.Attempts == attempt);
        }

        Assert.Equal(TimerStatus.Failed, (await IncidentProcesses.TimerAsync(app, instanceId)).Status);
    }

    private static async Task<IReadOnlyList<OpenIncident>> OpenIncidentsAsync(NspApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowIncidentQueries>().ListOpenAsync(50, CancellationToken.None);
    }

    private static async Task<Guid> TaskAsync(NspApp app, Guid instanceId)
    {
        await using var db = app.CreateDbContext();
        return await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == WaitStatus.Open)
            .Select(t => t.Id).SingleAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Testing.Workflows;

/// <summary>
/// Processes that stop on an error. "timer-call": an hour's timer, then a call of "timer-call-child", which is left
/// unpublished so that the engine refuses to fire the timer (the sweep counts that as a failed attempt; a failing
/// handler or condition would be an element incident instead). "gateway-check": an exclusive gateway whose condition
/// needs the variable <c>amount</c>, which a start without it lacks. "call-check": the same gateway, whose big path
/// calls the unpublished child; "call-now" calls it at once, "task-call" after a coordinator's task.
/// </summary>
public static class IncidentProcesses
{
    public const string TimerCall = "timer-call";
    public const string Child = "timer-call-child";
    public const string GatewayCheck = "gateway-check";
    public const string CallCheck = "call-check";
    public const string CallNow = "call-now";
    public const string TaskCall = "task-call";

    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_Incidents" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="timer-call" isExecutable="true">
            <bpmn:startEvent id="T_Start" />
            <bpmn:sequenceFlow id="T_F1" sourceRef="T_Start" targetRef="T_Wait" />
            <bpmn:intermediateCatchEvent id="T_Wait">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="T_F2" sourceRef="T_Wait" targetRef="T_Call" />
            <bpmn:callActivity id="T_Call" calledElement="timer-call-child" />
            <bpmn:sequenceFlow id="T_F3" sourceRef="T_Call" targetRef="T_End" />
            <bpmn:endEvent id="T_End" />
          </bpmn:process>
          <bpmn:process id="timer-call-child" isExecutable="true">
            <bpmn:startEvent id="C_Start" />
            <bpmn:sequenceFlow id="C_F1" sourceRef="C_Start" targetRef="C_Task" />
            <bpmn:userTask id="C_Task" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="C_F2" sourceRef="C_Task" targetRef="C_End" />
            <bpmn:endEvent id="C_End" />
          </bpmn:process>
          <bpmn:process id="gateway-check" isExecutable="true">
            <bpmn:startEvent id="G_Start" />
            <bpmn:sequenceFlow id="G_F1" sourceRef="G_Start" targetRef="Gate" />
            <bpmn:exclusiveGateway id="Gate" default="G_Small" />
            <bpmn:sequenceFlow id="G_Big" sourceRef="Gate" targetRef="Task_Big">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">amount &gt; 10</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="G_Small" sourceRef="Gate" targetRef="G_End_Small" />
            <bpmn:userTask id="Task_Big" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="G_F2" sourceRef="Task_Big" targetRef="G_End_Big" />
            <bpmn:endEvent id="G_End_Big" />
            <bpmn:endEvent id="G_End_Small" />
          </bpmn:process>
          <bpmn:process id="call-check" isExecutable="true">
            <bpmn:startEvent id="K_Start" />
            <bpmn:sequenceFlow id="K_F1" sourceRef="K_Start" targetRef="K_Gate" />
            <bpmn:exclusiveGateway id="K_Gate" default="K_Small" />
            <bpmn:sequenceFlow id="K_Big" sourceRef="K_Gate" targetRef="K_Call">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">amount &gt; 10</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="K_Small" sourceRef="K_Gate" targetRef="K_End_Small" />
            <bpmn:callActivity id="K_Call" calledElement="timer-call-child" />
            <bpmn:sequenceFlow id="K_F2" sourceRef="K_Call" targetRef="K_End" />
            <bpmn:endEvent id="K_End" />
            <bpmn:endEvent id="K_End_Small" />
          </bpmn:process>
          <bpmn:process id="call-now" isExecutable="true">
            <bpmn:startEvent id="N_Start" />
            <bpmn:sequenceFlow id="N_F1" sourceRef="N_Start" targetRef="N_Call" />
            <bpmn:callActivity id="N_Call" calledElement="timer-call-child" />
            <bpmn:sequenceFlow id="N_F2" sourceRef="N_Call" targetRef="N_End" />
            <bpmn:endEvent id="N_End" />
          </bpmn:process>
          <bpmn:process id="task-call" isExecutable="true">
            <bpmn:startEvent id="A_Start" />
            <bpmn:sequenceFlow id="A_F1" sourceRef="A_Start" targetRef="A_Task" />
            <bpmn:userTask id="A_Task" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="A_F2" sourceRef="A_Task" targetRef="A_Call" />
            <bpmn:callActivity id="A_Call" calledElement="timer-call-child" />
            <bpmn:sequenceFlow id="A_F3" sourceRef="A_Call" targetRef="A_End" />
            <bpmn:endEvent id="A_End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Saves the file and publishes every process but the child, which stays a draft until <see cref="PublishChildAsync"/>.</summary>
    public static Task PublishAsync(IEngineHost host) => EngineCalls.PublishFileAsync(host, Xml, processId => processId != Child);

    /// <summary>The administrator's fix for "timer-call": publish the process it calls.</summary>
    public static async Task PublishChildAsync(IEngineHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<DefinitionCatalog>();
        var draft = Assert.Single(await catalog.ListVersionsAsync(Child));
        Assert.IsType<PublishResult.Published>(await catalog.PublishAsync(Child, draft.Version));
    }

    public static async Task<WorkflowTimerRow> TimerAsync(IEngineHost host, Guid instanceId)
    {
        await using var db = host.CreateDbContext();
        return await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId);
    }

    public static async Task<List<WorkflowIncidentRow>> IncidentsAsync(IEngineHost host, Guid instanceId)
    {
        await using var db = host.CreateDbContext();
        return await db.WorkflowIncidents.AsNoTracking().Where(i => i.InstanceId == instanceId).ToListAsync();
    }

    /// <summary>
    /// Waits (at most 20 s) until the timer row is unclaimed and satisfies <paramref name="condition"/>: in the whole app its
    /// own minute job may be the one sweeping it.
    /// </summary>
    public static async Task<WorkflowTimerRow> WaitForTimerAsync(IEngineHost host, Guid instanceId, Func<WorkflowTimerRow, bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var timer = await TimerAsync(host, instanceId);
            if (timer.ClaimToken is null && condition(timer))
                return timer;
        }
        throw new TimeoutException("The timer did not reach the expected state within 20 seconds.");
    }

    /// <summary>Starts "timer-call", which waits an hour before it calls the unpublished child.</summary>
    public static async Task<Guid> StartTimerCallAsync(IEngineHost host)
    {
        var started = await EngineCalls.EngineAsync(host, e => e.StartAsync(TimerCall, null));
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        return started.InstanceId!.Value;
    }

    /// <summary>
    /// Sweeps the "timer-call" instance's timer until it gives up, checking before each retry that a second early claims
    /// nothing. Returns the clock at each attempt. Whoever sweeps (the test or the app's minute job), the row tells.
    /// </summary>
    public static async Task<List<DateTimeOffset>> DriveTimerCallToGiveUpAsync(IEngineHost host, Guid instanceId)
    {
        var second = TimeSpan.FromSeconds(1);
        var next = (await TimerAsync(host, instanceId)).DueAt;
        var attempts = new List<DateTimeOffset>();
        for (var attempt = 1; ; attempt++)
        {
            host.Clock.SetUtcNow(next - second);
            Assert.Equal(0, (await EngineCalls.SweepAsync(host)).Claimed);
            Assert.Equal(attempt - 1, (await TimerAsync(host, instanceId)).Attempts);

            host.Clock.SetUtcNow(next);
            attempts.Add(next);
            await EngineCalls.SweepAsync(host);
            var timer = await WaitForTimerAsync(host, instanceId, t => t.Attempts == attempt);
            // The engine refuses the step (it does not throw), naming the process the call needs.
            Assert.Equal($"Refused: The called process '{Child}' has no published version.", timer.LastError);
            if (attempt == TimerSweeper.MaxAttempts)
            {
                Assert.Equal(TimerStatus.Failed, timer.Status);
                return attempts;
            }

            Assert.Equal(TimerStatus.Pending, timer.Status);
            Assert.Empty(await IncidentsAsync(host, instanceId));
            next += RetryBackoff.After(attempt);
            Assert.Equal(next, timer.NextAttemptAt);
        }
    }
}

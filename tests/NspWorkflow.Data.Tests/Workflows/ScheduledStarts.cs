using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Testing;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>Processes with a timer start event, and what the tests read back: the instances started and their claims.</summary>
internal static class ScheduledStarts
{
    public const string Round = "round";

    /// <summary>Process <paramref name="processId"/>: a start event with <paramref name="timer"/>, a coordinator's task named <paramref name="task"/>, the end.</summary>
    public static string File(string timer, string processId = Round, string task = "Recertify") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_Scheduled" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="Start">
              <bpmn:timerEventDefinition>{timer}</bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
            <bpmn:userTask id="Task" name="{task}" nsp:assigneeRole="coordinator" />
            <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static string Cycle(string text) => $"""<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">{text}</bpmn:timeCycle>""";

    public static string Date(string text) => $"""<bpmn:timeDate xsi:type="bpmn:tFormalExpression">{text}</bpmn:timeDate>""";

    public static Task<StoreTestDatabase> HostAsync(DatabaseProvider provider, PostgresServer postgres, string xml) =>
        StoreTestDatabase.CreateAsync(provider == DatabaseProvider.PostgreSql ? postgres : null, xml, StoreTestDatabase.AppOptions, "coordinator");

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    /// <summary>One sweep, as the minutely job runs it.</summary>
    public static async Task<ScheduledStartSweepResult> SweepAsync(StoreTestDatabase host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ScheduledStartSweeper>().SweepAsync(CancellationToken.None);
        Assert.Empty(result.Failures);
        return result;
    }

    /// <summary>The process's instances, oldest occurrence first: each with its version, its <c>scheduledAt</c> and its claim's occurrence.</summary>
    public static async Task<IReadOnlyList<Started>> StartedAsync(StoreTestDatabase host, string processId = Round)
    {
        await using var db = host.CreateDbContext();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.ProcessId == processId).ToListAsync();
        var claims = await db.WorkflowScheduledStarts.AsNoTracking().Where(s => s.ProcessId == processId).ToListAsync();
        // Every claim names a stored instance of its version: nothing is claimed without its start, nor started twice.
        Assert.All(claims, c => Assert.Contains(instances, i => i.Id == c.InstanceId && i.DefinitionVersion == c.DefinitionVersion));
        return instances
            .Select(i => new Started(i.Id, i.DefinitionVersion, ScheduledAt(i.StateJson), claims.SingleOrDefault(c => c.InstanceId == i.Id)?.OccurrenceAt))
            .OrderBy(s => s.ScheduledAt)
            .ToList();
    }

    private static DateTimeOffset? ScheduledAt(string stateJson) =>
        InstanceStateJson.Deserialize(stateJson).Variables.TryGetValue(WorkflowEngine.ScheduledAtVariable, out var at) ? at.GetDateTimeOffset() : null;

    /// <summary>An instance as the tests see it; <paramref name="Claimed"/> is the occurrence its claim row holds (null: started by hand).</summary>
    public sealed record Started(Guid InstanceId, int Version, DateTimeOffset? ScheduledAt, DateTimeOffset? Claimed);
}

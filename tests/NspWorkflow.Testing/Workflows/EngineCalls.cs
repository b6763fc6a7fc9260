using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Testing.Workflows;

/// <summary>One call of the engine, the timer sweep or the catalog, each in a scope of its own as a request or a job has.</summary>
public static class EngineCalls
{
    /// <summary>The example of <c>workflows/</c>: a shelter's task with a reminder timer on its boundary, then a coordinator's review.</summary>
    public const string ExampleProcess = "example-approval";

    public static async Task<Guid> StartExampleAsync(IEngineHost host, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var started = await EngineAsync(host, e => e.StartAsync(ExampleProcess, variables));
        Assert.Equal(EngineOutcome.Started, started.Outcome);
        return started.InstanceId!.Value;
    }

    public static async Task<EngineResult> EngineAsync(IEngineHost host, Func<WorkflowEngine, Task<EngineResult>> call)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<WorkflowEngine>());
    }

    public static async Task<TimerSweepResult> SweepAsync(IEngineHost host, int batchSize = 100)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TimerSweeper>().SweepAsync(batchSize, CancellationToken.None);
    }

    /// <summary>Saves a file of test processes through the catalog and publishes each that <paramref name="publish"/> picks (all by default).</summary>
    public static async Task PublishFileAsync(IEngineHost host, string xml, Func<string, bool>? publish = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<DefinitionCatalog>();
        var saved = Assert.IsType<SaveDraftResult.Saved>(await catalog.SaveDraftAsync(xml));
        Assert.Empty(saved.Problems);
        foreach (var version in saved.Versions.Where(v => publish?.Invoke(v.ProcessId) ?? true))
            Assert.IsType<PublishResult.Published>(await catalog.PublishAsync(version.ProcessId, version.Version));
    }
}

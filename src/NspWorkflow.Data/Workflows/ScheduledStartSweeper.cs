using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// Starts the processes whose timer start event is due (see <see cref="WorkflowEngine.FindDueScheduledStartsAsync"/>),
/// each in a scope and step of its own that claims the occurrence, so two nodes sweeping at once start it once. When an
/// occurrence is due is business time, the app's <see cref="TimeProvider"/>, as for timers; the claim is a key, not a
/// lease, so it needs no database clock. A start that fails is tried again by the next sweep (nothing was stored).
/// </summary>
public sealed class ScheduledStartSweeper(IServiceScopeFactory scopes)
{
    public async Task<ScheduledStartSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ScheduledOccurrence> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().FindDueScheduledStartsAsync(cancellationToken);

        int started = 0, alreadyStarted = 0;
        var failures = new List<string>();
        foreach (var occurrence in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var what = $"'{occurrence.ProcessId}' at {occurrence.At:O}";
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartScheduledAsync(occurrence, cancellationToken);
                switch (result.Outcome)
                {
                    case EngineOutcome.Started: started++; break;
                    case EngineOutcome.AlreadyStarted: alreadyStarted++; break;
                    default: failures.Add($"{what}: {result.Outcome}: {result.Message}"); break;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The type only: a database or handler message could quote data.
                failures.Add($"{what} could not start ({exception.GetType().Name}).");
            }
        }

        return new ScheduledStartSweepResult(due.Count, started, alreadyStarted, failures);
    }
}

/// <summary>
/// What one sweep of timer start events did: occurrences found due, started, found started by another node, and why
/// the others failed (the process and occurrence, the engine's refusal or the exception's type; no variable values).
/// </summary>
public sealed record ScheduledStartSweepResult(int Due, int Started, int AlreadyStarted, IReadOnlyList<string> Failures);

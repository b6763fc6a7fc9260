using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Data;

namespace NspWorkflow.Testing.Workflows;

/// <summary>
/// What an engine test drives: the engine's services on a real database and a clock the test moves. The whole app
/// (Web tests) and the light store host (Data tests) both are one, so the helpers below serve either.
/// </summary>
public interface IEngineHost
{
    IServiceProvider Services { get; }

    FakeTimeProvider Clock { get; }

    /// <summary>A context of its own, outside any step, for reading what was stored.</summary>
    NspDbContext CreateDbContext();
}

namespace NspWorkflow.Engine.Runtime;

/// <summary>Makes the ids of instances, tokens, tasks, timers and subscriptions; tests inject a predictable one.</summary>
public interface IIdGenerator
{
    Guid NewId();
}

/// <summary>Version-7 GUIDs (time-ordered, good for database indexes).</summary>
public sealed class GuidIdGenerator(TimeProvider time) : IIdGenerator
{
    public Guid NewId() => Guid.CreateVersion7(time.GetUtcNow());
}

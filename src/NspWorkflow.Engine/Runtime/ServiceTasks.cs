using System.Collections.Immutable;
using System.Text.Json;

namespace NspWorkflow.Engine.Runtime;

/// <summary>
/// A host's handler for service tasks whose <c>nsp:handler</c> is <see cref="Name"/>. It runs synchronously inside the
/// step (in the host's transaction). Throwing raises an incident on the service task: the variables it set are dropped
/// and the token stays at the task until the incident is retried. To fail with a message for the administrator, throw
/// <see cref="ServiceTaskRefusedException"/> with a message free of personal data: the incident reads
/// <c>The handler 'name' failed: message</c>. Any other exception's message is not stored (it may quote personal data),
/// only its type: <c>The handler 'name' failed (InvalidOperationException).</c>
/// </summary>
public interface IServiceTaskHandler
{
    string Name { get; }

    void Handle(ServiceTaskContext context);
}

/// <summary>What a handler sees: the instance, the element, the clock and the variables (reads see its own writes).</summary>
public sealed class ServiceTaskContext
{
    private readonly ImmutableSortedDictionary<string, JsonElement> original;
    private readonly Dictionary<string, JsonElement> changes = new(StringComparer.Ordinal);

    internal ServiceTaskContext(Guid instanceId, string processId, string nodeId, Guid tokenId, DateTimeOffset now,
        ImmutableSortedDictionary<string, JsonElement> variables)
    {
        InstanceId = instanceId;
        ProcessId = processId;
        NodeId = nodeId;
        TokenId = tokenId;
        Now = now;
        original = variables;
    }

    public Guid InstanceId { get; }
    public string ProcessId { get; }
    public string NodeId { get; }
    public Guid TokenId { get; }
    public DateTimeOffset Now { get; }

    internal IReadOnlyDictionary<string, JsonElement> Changes => changes;

    /// <summary>The variable's JSON value, or null when it is not set.</summary>
    public JsonElement? GetVariable(string name) =>
        changes.TryGetValue(name, out var changed) ? changed : original.TryGetValue(name, out var value) ? value : null;

    /// <summary>The variable deserialized to <typeparamref name="T"/>, or default when it is not set or JSON null.</summary>
    public T? Get<T>(string name) =>
        GetVariable(name) is { } value && value.ValueKind != JsonValueKind.Null ? value.Deserialize<T>(Variables.JsonOptions) : default;

    /// <summary>Sets a variable; the name must be a JavaScript identifier and the value serializable to JSON.</summary>
    public void SetVariable(string name, object? value)
    {
        if (Variables.CheckName(name) is { } error)
        {
            throw new ArgumentException(error, nameof(name));
        }

        changes[name] = Variables.ToJson(value);
    }
}

using System.Text.Json;

namespace NspWorkflow.Engine.Runtime;

/// <summary>The instance snapshot as one JSON document, for a host that stores it in one column.</summary>
public static class InstanceStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { WriteIndented = false };

    public static string Serialize(InstanceState state) => JsonSerializer.Serialize(state, Options);

    public static InstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, Options) ?? throw new JsonException("The instance state is null.");
}

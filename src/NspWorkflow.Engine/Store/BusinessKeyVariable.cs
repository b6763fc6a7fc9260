namespace NspWorkflow.Engine.Store;

/// <summary>An instance variable whose value is a business key, and the kind of business object it names (the host's word).</summary>
public sealed record BusinessKeyVariable(string Kind, string Variable);

namespace NspWorkflow.Engine.Runtime;

/// <summary>
/// How to start an instance. <paramref name="InstanceId"/> is given for a child (the id of <see cref="ChildRequested"/>),
/// else generated. <paramref name="DefinitionVersion"/> is the host's opaque key of the definition version.
/// </summary>
public sealed record StartOptions(string DefinitionVersion, Guid? InstanceId = null, Guid? ParentInstanceId = null);
